import { Schema, type Connection, type Model } from 'mongoose';
import type { Profile } from '@switchboard/segment-dsl';
import { tenantGuard } from '@switchboard/storage';

/** A channel as the projection keeps it: what filters read, plus the address for events. */
export interface ProfileChannelDoc {
  type: string;
  value: string;
  primary: boolean;
  subscribed: boolean;
  suppressed: boolean;
  /** Absent while unknown (decision 0120). */
  consent?: 'opted_in' | 'opted_out';
}

/**
 * The segments database's copy of one contact, stored in the segment-dsl `Profile` shape so
 * that the compiled MongoDB filter and the predicate read the same paths. `_id` is the contact
 * id. Three writers touch it, each through a compare-and-set on `rev` (FerretDB updates are
 * read-then-write, docs/architecture.md decision 25): the projection (attributes, gated as well
 * by the contact's aggregate `version` so a late event never regresses them), the behavioural
 * counters (idempotent by event id through `activitySeen`) and the worker (`segments`).
 */
export interface ProfileDoc extends Omit<Profile, 'channels'> {
  _id: string;
  workspaceId: string;
  contactId: string;
  /** The contact's aggregate version the attributes come from (0: only counters known yet). */
  version: number;
  /** Document revision: every write is `{ rev: n }` → `rev: n + 1`. */
  rev: number;
  channels: ProfileChannelDoc[];
  /** `archived`, or `merged` with `mergedInto`: no segment keeps the contact. */
  mergedInto?: string | null;
  /** Ids of the last activity events counted (bounded), so a redelivery counts once. */
  activitySeen: string[];
  /** When each `fit.<slug>` was assessed (ISO), so a late `contact.scored` never regresses it. */
  fitAt?: Record<string, string>;
  /** Duplicates whose daily counters were summed into this profile (a merge folds once). */
  mergedFrom?: string[];
  /** Ids of the segments the contact is a member of; written by the worker only. */
  segments: string[];
}

const ChannelSchema = new Schema<ProfileChannelDoc>(
  {
    type: { type: String, required: true },
    value: { type: String, required: true },
    primary: { type: Boolean, default: false },
    subscribed: { type: Boolean, default: true },
    suppressed: { type: Boolean, default: false },
    consent: String,
  },
  { _id: false },
);

const ProfileSchema = new Schema<ProfileDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    contactId: { type: String, required: true, immutable: true },
    version: { type: Number, required: true, default: 0 },
    rev: { type: Number, required: true, default: 0 },
    firstName: { type: String, default: null },
    lastName: { type: String, default: null },
    displayName: { type: String, default: null },
    email: { type: String, default: null },
    phone: { type: String, default: null },
    stage: { type: String, default: null },
    source: { type: String, default: null },
    status: { type: String, default: null },
    locale: { type: String, default: null },
    timeZone: { type: String, default: null },
    country: { type: String, default: null },
    ownerId: { type: String, default: null },
    companyId: { type: String, default: null },
    birthMonth: { type: Number, default: null },
    birthDay: { type: Number, default: null },
    birthday: { type: Number, default: null },
    createdAt: { type: Date, default: null },
    updatedAt: { type: Date, default: null },
    lastTouchAt: { type: Date, default: null },
    tags: { type: [String], default: [] },
    custom: { type: Schema.Types.Mixed, default: {} },
    channels: { type: [ChannelSchema], default: [] },
    fit: { type: Schema.Types.Mixed, default: {} },
    activity: { type: Schema.Types.Mixed, default: {} },
    mergedInto: { type: String, default: null },
    activitySeen: { type: [String], default: [] },
    fitAt: { type: Schema.Types.Mixed, default: {} },
    mergedFrom: { type: [String], default: [] },
    segments: { type: [String], default: [] },
  },
  // Mixed maps are replaced whole by the writers; minimize would drop an emptied `{}`.
  { collection: 'profiles', versionKey: false, minimize: false },
);
ProfileSchema.plugin(tenantGuard);
// Full evaluation and preview stream a workspace's profiles in id order (keyset cursor).
ProfileSchema.index({ workspaceId: 1, _id: 1 });

export const profileModel = (connection: Connection): Model<ProfileDoc> =>
  (connection.models.Profile as Model<ProfileDoc> | undefined) ??
  connection.model<ProfileDoc>('Profile', ProfileSchema);
