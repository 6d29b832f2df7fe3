import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Actor, DealStatus, StageCategory } from '@switchboard/contracts';

/** The amount as given plus `units` (value × 10⁴ as an integer) so that board sums are exact. */
export interface AmountDoc {
  value: number;
  currency: string;
  units: number;
}

export interface StageVisitDoc {
  stageId: string;
  stageName: string;
  category: StageCategory;
  enteredAt: Date;
  enteredBy: Actor;
  leftAt: Date | null;
  leftBy: Actor | null;
}

export interface DealDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  title: string;
  pipelineId: string;
  stageId: string;
  status: DealStatus;
  probability: number;
  /** Null once the contact was erased. */
  contactId: string | null;
  companyId: string | null;
  amount: AmountDoc | null;
  ownerId: string | null;
  /** `YYYY-MM-DD`: compares correctly as text. */
  expectedCloseDate: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  stageHistory: StageVisitDoc[];
  outcome: { status: 'won' | 'lost'; at: Date; by: Actor; lostReason: string | null } | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ActorSchema = new Schema<Actor>({ type: { type: String }, id: String }, { _id: false });

const DealSchema = new Schema<DealDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    title: { type: String, required: true },
    pipelineId: { type: String, required: true },
    stageId: { type: String, required: true },
    status: { type: String, required: true },
    probability: { type: Number, required: true },
    contactId: { type: String, default: null },
    companyId: { type: String, default: null },
    amount: {
      type: new Schema<AmountDoc>(
        { value: Number, currency: String, units: Number },
        { _id: false },
      ),
      default: null,
    },
    ownerId: { type: String, default: null },
    expectedCloseDate: { type: String, default: null },
    tags: { type: [String], default: [] },
    customFields: { type: Schema.Types.Mixed, default: {} },
    stageHistory: {
      type: [
        new Schema<StageVisitDoc>(
          {
            stageId: String,
            stageName: String,
            category: String,
            enteredAt: Date,
            enteredBy: ActorSchema,
            leftAt: { type: Date, default: null },
            leftBy: { type: ActorSchema, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    outcome: {
      type: new Schema(
        { status: String, at: Date, by: ActorSchema, lostReason: { type: String, default: null } },
        { _id: false },
      ),
      default: null,
    },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'deals', versionKey: false, minimize: false },
);
DealSchema.plugin(tenantGuard);
DealSchema.plugin(outboxPlugin);
// Board columns and stage pages; lists; contact merges.
DealSchema.index({ workspaceId: 1, pipelineId: 1, stageId: 1, createdAt: -1, _id: -1 });
DealSchema.index({ workspaceId: 1, createdAt: -1, _id: -1 });
DealSchema.index({ workspaceId: 1, contactId: 1 });
DealSchema.index({ workspaceId: 1, companyId: 1 });

export const dealModel = (connection: Connection): Model<DealDoc> =>
  connection.model<DealDoc>('Deal', DealSchema);
