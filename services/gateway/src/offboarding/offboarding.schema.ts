import { Schema, type Connection, type Model } from 'mongoose';
import type { Actor, CredentialsOutcome, OffboardingKind } from '@switchboard/contracts';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';

export interface OffboardingStepDoc {
  kind: OffboardingKind;
  moved: number;
  done: boolean;
}

/**
 * One offboarding of a member (decision 0135): what was decided, who decided it (the RPC context
 * the moves run under is rebuilt from it when a restarted gateway resumes), and the progress of
 * each owning service's step.
 */
export interface OffboardingDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  userId: string;
  /** The new owner's user id, or null for "pool". */
  reassignTo: string | null;
  mode: 'removed' | 'deactivated';
  apiKeys: { outcome: CredentialsOutcome; count: number };
  integrations: { outcome: CredentialsOutcome; count: number };
  actor: Actor;
  role: string;
  requestId: string;
  status: 'running' | 'completed' | 'failed';
  steps: OffboardingStepDoc[];
  error: string | null;
  startedAt: Date;
  completedAt: Date | null;
}

const ActorSchema = new Schema({ type: String, id: String }, { _id: false });
const OutcomeSchema = new Schema({ outcome: String, count: Number }, { _id: false });
const StepSchema = new Schema({ kind: String, moved: Number, done: Boolean }, { _id: false });

const OffboardingSchema = new Schema<OffboardingDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    userId: { type: String, required: true },
    reassignTo: { type: String, default: null },
    mode: { type: String, required: true },
    apiKeys: { type: OutcomeSchema, required: true },
    integrations: { type: OutcomeSchema, required: true },
    actor: { type: ActorSchema, required: true },
    role: { type: String, required: true },
    requestId: { type: String, required: true },
    status: { type: String, required: true },
    steps: { type: [StepSchema], default: [] },
    error: { type: String, default: null },
    startedAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { collection: 'offboardings', versionKey: false },
);
OffboardingSchema.plugin(tenantGuard);
OffboardingSchema.plugin(outboxPlugin);
// Resuming at boot reads the unfinished ones of every workspace.
OffboardingSchema.index({ status: 1 });

export const offboardingModel = (connection: Connection): Model<OffboardingDoc> =>
  connection.model<OffboardingDoc>('Offboarding', OffboardingSchema);
