import { Schema, type Connection, type Model } from 'mongoose';
import { outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';

export type Via = 'rule' | 'explicit';
export type Explicit = 'include' | 'exclude';

/** One transition of an edge, kept as history (bounded, newest last). */
export interface MembershipChangeDoc {
  at: Date;
  change: 'joined' | 'left';
  via: Via;
  /** Why: `rule`, `include`, `exclude`, `archived`, `merged`, `segment_deleted`, … */
  reason: string;
}

/**
 * The edge between a segment and a contact, kept after the contact leaves (history). `_id` is
 * `<segmentId>:<contactId>`, so there is one edge per pair. The contact is a member exactly
 * when `member` is true, which the worker derives as:
 *   contact active AND (explicit = include OR (explicit ≠ exclude AND dynamic AND ruleMatch)).
 * `transitions` counts joins and leaves: the n-th transition's event id is derived from
 * (segmentId, contactId, n), so two workers that decide the same change publish one event
 * (JetStream drops the repeated Nats-Msg-Id), and each write is a compare-and-set on it.
 */
export interface MembershipDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  segmentId: string;
  contactId: string;
  member: boolean;
  /** How the current membership holds (`null` when not a member). */
  via: Via | null;
  /** The explicit request (segment_explicit) as last applied by the worker. */
  explicit: Explicit | null;
  /** The filter's last answer for this contact (dynamic segments). */
  ruleMatch: boolean;
  transitions: number;
  joinedAt: Date | null;
  leftAt: Date | null;
  history: MembershipChangeDoc[];
  updatedAt: Date;
}

export const membershipId = (segmentId: string, contactId: string): string =>
  `${segmentId}:${contactId}`;

/** History kept per edge; older transitions are dropped (the events have them all). */
export const MEMBERSHIP_HISTORY_MAX = 50;

const ChangeSchema = new Schema<MembershipChangeDoc>(
  {
    at: Date,
    change: { type: String, enum: ['joined', 'left'] },
    via: { type: String, enum: ['rule', 'explicit'] },
    reason: String,
  },
  { _id: false },
);

const MembershipSchema = new Schema<MembershipDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    segmentId: { type: String, required: true, immutable: true },
    contactId: { type: String, required: true, immutable: true },
    member: { type: Boolean, required: true },
    via: { type: String, enum: ['rule', 'explicit', null], default: null },
    explicit: { type: String, enum: ['include', 'exclude', null], default: null },
    ruleMatch: { type: Boolean, default: false },
    transitions: { type: Number, required: true, default: 0 },
    joinedAt: { type: Date, default: null },
    leftAt: { type: Date, default: null },
    history: { type: [ChangeSchema], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'segment_memberships', versionKey: false },
);
MembershipSchema.plugin(tenantGuard);
MembershipSchema.plugin(outboxPlugin);
// Members of a segment (cursor by contact id); a contact's segments.
MembershipSchema.index({ workspaceId: 1, segmentId: 1, member: 1, contactId: 1 });
MembershipSchema.index({ workspaceId: 1, contactId: 1 });

export const membershipModel = (connection: Connection): Model<MembershipDoc> =>
  (connection.models.SegmentMembership as Model<MembershipDoc> | undefined) ??
  connection.model<MembershipDoc>('SegmentMembership', MembershipSchema);
