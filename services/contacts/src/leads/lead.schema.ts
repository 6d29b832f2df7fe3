import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Actor, LeadStatus, LeadUtm } from '@switchboard/contracts';

export interface LeadCaptureDoc {
  /** The body as it arrived (without the capture metadata below). */
  fields: Record<string, unknown>;
  source: string;
  formId: string | null;
  utm: LeadUtm | null;
  consent: {
    given: boolean;
    at: Date;
    source: string;
    ip: string | null;
    text: string | null;
  } | null;
  receivedAt: Date;
  by: Actor;
}

export interface LeadStatusTransitionDoc {
  from: LeadStatus | null;
  to: LeadStatus;
  reason: string | null;
  at: Date;
  actor: Actor;
}

export interface LeadAssignmentDoc {
  assigneeId: string | null;
  how: 'manual' | 'round_robin';
  at: Date;
  actor: Actor;
}

export interface LeadDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  firstName?: string;
  lastName?: string;
  displayName: string;
  /** Normalised (lower-case) for the list filter and for conversion. */
  email?: string;
  phone?: string;
  companyName?: string;
  jobTitle?: string;
  tags: string[];
  source: string;
  formId: string | null;
  status: LeadStatus;
  reason: string | null;
  assigneeId: string | null;
  capture: LeadCaptureDoc;
  statusHistory: LeadStatusTransitionDoc[];
  assignments: LeadAssignmentDoc[];
  conversion: { contactId: string; created: boolean; at: Date; actor: Actor } | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ActorSchema = new Schema<Actor>({ type: { type: String }, id: String }, { _id: false });

const LeadSchema = new Schema<LeadDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    firstName: String,
    lastName: String,
    displayName: { type: String, required: true },
    email: String,
    phone: String,
    companyName: String,
    jobTitle: String,
    tags: { type: [String], default: [] },
    source: { type: String, required: true },
    formId: { type: String, default: null },
    status: { type: String, required: true },
    reason: { type: String, default: null },
    assigneeId: { type: String, default: null },
    // Kept as it arrived: Mixed, so mongoose neither casts nor drops anything in it.
    capture: { type: Schema.Types.Mixed, required: true },
    statusHistory: {
      type: [
        new Schema<LeadStatusTransitionDoc>(
          { from: String, to: String, reason: String, at: Date, actor: ActorSchema },
          { _id: false },
        ),
      ],
      default: [],
    },
    assignments: {
      type: [
        new Schema<LeadAssignmentDoc>(
          { assigneeId: String, how: String, at: Date, actor: ActorSchema },
          { _id: false },
        ),
      ],
      default: [],
    },
    conversion: {
      type: new Schema(
        { contactId: String, created: Boolean, at: Date, actor: ActorSchema },
        { _id: false },
      ),
      default: null,
    },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'leads', versionKey: false, minimize: false },
);
LeadSchema.plugin(tenantGuard);
LeadSchema.plugin(outboxPlugin);
LeadSchema.index({ workspaceId: 1, createdAt: -1, _id: -1 });
LeadSchema.index({ workspaceId: 1, status: 1, createdAt: -1, _id: -1 });
LeadSchema.index({ workspaceId: 1, assigneeId: 1, createdAt: -1, _id: -1 });

export const leadModel = (connection: Connection): Model<LeadDoc> =>
  connection.model<LeadDoc>('Lead', LeadSchema);

/** The round-robin set of a workspace and the position of the next assignment. */
export interface LeadSettingsDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  roundRobin: string[];
  /** How many round-robin assignments were made: the next one goes to `roundRobin[next % n]`. */
  next: number;
  version: number;
  updatedAt: Date;
}

const LeadSettingsSchema = new Schema<LeadSettingsDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    roundRobin: { type: [String], default: [] },
    next: { type: Number, default: 0 },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'lead_settings', versionKey: false },
);
LeadSettingsSchema.plugin(tenantGuard);
// lead_settings.updated staged with a change of the set; round-robin turns stage nothing.
LeadSettingsSchema.plugin(outboxPlugin);

export const leadSettingsModel = (connection: Connection): Model<LeadSettingsDoc> =>
  connection.model<LeadSettingsDoc>('LeadSettings', LeadSettingsSchema);
