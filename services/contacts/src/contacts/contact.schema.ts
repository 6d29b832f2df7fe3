import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Actor, Address, Channel, CompanyLink, ConsentChange } from '@switchboard/contracts';

export interface StageTransitionDoc {
  from: string | null;
  to: string | null;
  at: Date;
  actor: Actor;
}

export interface StatusTransitionDoc {
  status: 'active' | 'archived';
  at: Date;
  actor: Actor;
  reason?: string;
}

export interface ContactDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  firstName?: string;
  lastName?: string;
  displayName: string;
  channels: Channel[];
  companyLinks: CompanyLink[];
  address?: Address;
  locale?: string;
  timeZone?: string;
  birthMonth?: number;
  birthDay?: number;
  source?: string;
  leadSource?: string;
  stage?: string;
  stageHistory: StageTransitionDoc[];
  ownerId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  metadata: Record<string, unknown>;
  leadId?: string;
  linkedUserId?: string;
  status: 'active' | 'archived';
  statusHistory: StatusTransitionDoc[];
  mergedInto: string | null;
  lastTouchAt: Date | null;
  segmentIds: string[];
  /** Per segment, the time of the latest membership event applied (orders late deliveries). */
  segmentSeenAt?: Record<string, string>;
  /** Derived by `withDerivedFields` (contact-search.ts) on every write: what `q` matches by prefix. */
  searchKeys: string[];
  /** Folded display name: `sort=displayName` (collation is not portable). */
  nameSortKey: string;
  /** `lastTouchAt`, or the epoch when never touched: never null, so keyset pages stay exact. */
  lastTouchSortKey: Date;
  /**
   * The workspace's de-duplication key (default `email:<normalised primary email>`). Contacts
   * without one get `none:<id>`, so a plain unique index works without partial indexes.
   */
  dedupKey: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One consent change of a channel (decision 0120). */
const ConsentChangeSchema = new Schema<ConsentChange>(
  {
    status: { type: String, required: true },
    at: { type: String, required: true },
    source: { type: String, required: true },
    ip: String,
    recordedAt: { type: String, required: true },
  },
  { _id: false },
);

const ChannelSchema = new Schema<Channel>(
  {
    type: { type: String, required: true },
    value: { type: String, required: true },
    label: String,
    primary: { type: Boolean, default: false },
    subscribed: { type: Boolean, default: true },
    consent: {
      status: String,
      at: String,
      optInAt: String,
      source: String,
      ip: String,
      unsubscribedAt: String,
      history: { type: [ConsentChangeSchema], default: undefined },
    },
    suppression: { reason: String, at: String },
  },
  { _id: false },
);

const ContactSchema = new Schema<ContactDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    firstName: String,
    lastName: String,
    displayName: { type: String, required: true },
    channels: { type: [ChannelSchema], default: [] },
    companyLinks: {
      type: [new Schema({ companyId: String, title: String, workEmail: String }, { _id: false })],
      default: [],
    },
    address: {
      line1: String,
      line2: String,
      city: String,
      state: String,
      postalCode: String,
      country: String,
    },
    locale: String,
    timeZone: String,
    birthMonth: Number,
    birthDay: Number,
    source: String,
    leadSource: String,
    stage: String,
    stageHistory: {
      type: [
        new Schema(
          { from: String, to: String, at: Date, actor: { type: { type: String }, id: String } },
          { _id: false },
        ),
      ],
      default: [],
    },
    ownerId: { type: String, default: null },
    tags: { type: [String], default: [] },
    customFields: { type: Schema.Types.Mixed, default: {} },
    metadata: { type: Schema.Types.Mixed, default: {} },
    leadId: String,
    linkedUserId: String,
    status: { type: String, enum: ['active', 'archived'], default: 'active' },
    statusHistory: {
      type: [
        new Schema(
          {
            status: String,
            at: Date,
            actor: { type: { type: String }, id: String },
            reason: String,
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    mergedInto: { type: String, default: null },
    lastTouchAt: { type: Date, default: null },
    segmentIds: { type: [String], default: [] },
    segmentSeenAt: { type: Schema.Types.Mixed },
    searchKeys: { type: [String], default: [] },
    nameSortKey: { type: String, default: '' },
    lastTouchSortKey: { type: Date, default: () => new Date(0) },
    dedupKey: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'contacts', versionKey: false, minimize: false },
);
ContactSchema.plugin(tenantGuard);
ContactSchema.plugin(outboxPlugin);
ContactSchema.index({ workspaceId: 1, dedupKey: 1 }, { unique: true });
// List shapes (docs/architecture.md, decision "Contact lists"): every list filters by status,
// each sort has its keyset index; the common filters have their own.
ContactSchema.index({ workspaceId: 1, status: 1, createdAt: -1, _id: -1 });
ContactSchema.index({ workspaceId: 1, status: 1, updatedAt: -1, _id: -1 });
ContactSchema.index({ workspaceId: 1, status: 1, lastTouchSortKey: -1, _id: -1 });
ContactSchema.index({ workspaceId: 1, status: 1, nameSortKey: 1, _id: 1 });
ContactSchema.index({ workspaceId: 1, searchKeys: 1 });
ContactSchema.index({ workspaceId: 1, tags: 1 });
ContactSchema.index({ workspaceId: 1, segmentIds: 1 });
ContactSchema.index({ workspaceId: 1, ownerId: 1, status: 1 });
ContactSchema.index({ workspaceId: 1, 'companyLinks.companyId': 1 });
// Snapshot pages for read models that rebuild (decision 0085): a keyset on `_id`.
ContactSchema.index({ workspaceId: 1, _id: 1 });

export const contactModel = (connection: Connection): Model<ContactDoc> =>
  connection.model<ContactDoc>('Contact', ContactSchema);
