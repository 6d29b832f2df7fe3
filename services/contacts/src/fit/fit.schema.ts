import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Actor, ReviewState } from '@switchboard/contracts';

const ActorSchema = new Schema<Actor>({ type: { type: String }, id: String }, { _id: false });

export interface CriterionDoc {
  key: string;
  label: string;
  weight: number;
  how: 'manual' | 'derived';
  /** The segment filter of a derived criterion, as JSON text (stored byte for byte). */
  filterJson: string | null;
}

export interface ProductDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  name: string;
  slug: string;
  description: string | null;
  criteria: CriterionDoc[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ProductSchema = new Schema<ProductDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    name: { type: String, required: true },
    slug: { type: String, required: true },
    description: { type: String, default: null },
    criteria: {
      type: [
        new Schema<CriterionDoc>(
          { key: String, label: String, weight: Number, how: String, filterJson: String },
          { _id: false },
        ),
      ],
      default: [],
    },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'fit_products', versionKey: false, minimize: false },
);
ProductSchema.plugin(tenantGuard);
// product.created|updated staged in the same write (the audit trail reads them).
ProductSchema.plugin(outboxPlugin);
ProductSchema.index({ workspaceId: 1, slug: 1 }, { unique: true });
ProductSchema.index({ workspaceId: 1, createdAt: -1, _id: -1 });

export interface ScoreDoc {
  key: string;
  label: string;
  weight: number;
  how: 'manual' | 'derived';
  score: number;
}

/** One assessment: inserted once with its `contact.scored` event, never changed. */
export interface AssessmentDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  productId: string;
  productSlug: string;
  productVersion: number;
  contactId: string;
  scores: ScoreDoc[];
  total: number;
  note: string | null;
  assessedBy: Actor;
  assessedAt: Date;
}

const AssessmentSchema = new Schema<AssessmentDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    productId: { type: String, required: true },
    productSlug: { type: String, required: true },
    productVersion: { type: Number, required: true },
    contactId: { type: String, required: true },
    scores: {
      type: [
        new Schema<ScoreDoc>(
          { key: String, label: String, weight: Number, how: String, score: Number },
          { _id: false },
        ),
      ],
      default: [],
    },
    total: { type: Number, required: true },
    note: { type: String, default: null },
    assessedBy: { type: ActorSchema, required: true },
    assessedAt: { type: Date, required: true },
  },
  { collection: 'fit_assessments', versionKey: false },
);
AssessmentSchema.plugin(tenantGuard);
AssessmentSchema.plugin(outboxPlugin);
AssessmentSchema.index({ workspaceId: 1, productId: 1, assessedAt: -1, _id: -1 });
AssessmentSchema.index({ workspaceId: 1, productId: 1, contactId: 1, assessedAt: -1, _id: -1 });

/**
 * A contact's place in a product's ranking (`_id` = `<productId>_<contactId>`): its latest
 * assessment's total and the review of that assessment.
 */
export interface RankingDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  productId: string;
  contactId: string;
  total: number;
  assessmentId: string;
  assessedAt: Date;
  assessedBy: Actor;
  assessments: number;
  review: ReviewState;
  reviewedBy: Actor | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  version: number;
}

const RankingSchema = new Schema<RankingDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    productId: { type: String, required: true },
    contactId: { type: String, required: true },
    total: { type: Number, required: true },
    assessmentId: { type: String, required: true },
    assessedAt: { type: Date, required: true },
    assessedBy: { type: ActorSchema, required: true },
    assessments: { type: Number, required: true },
    review: { type: String, required: true },
    reviewedBy: { type: ActorSchema, default: null },
    reviewedAt: { type: Date, default: null },
    reviewNote: { type: String, default: null },
    version: { type: Number, required: true },
  },
  { collection: 'fit_rankings', versionKey: false },
);
RankingSchema.plugin(tenantGuard);
// fit.reviewed staged with a review; assessments move the entry without events of their own.
RankingSchema.plugin(outboxPlugin);
RankingSchema.index({ workspaceId: 1, productId: 1, total: -1, _id: -1 });
RankingSchema.index({ workspaceId: 1, contactId: 1 });

export const productModel = (c: Connection): Model<ProductDoc> =>
  c.model<ProductDoc>('FitProduct', ProductSchema);
export const assessmentModel = (c: Connection): Model<AssessmentDoc> =>
  c.model<AssessmentDoc>('FitAssessment', AssessmentSchema);
export const rankingModel = (c: Connection): Model<RankingDoc> =>
  c.model<RankingDoc>('FitRanking', RankingSchema);
