import { z } from 'zod';
import { checkJson } from '../common/bounded-json';
import { LIMITS } from '../common/limits';
import { PageQuery } from '../common/pagination';
import { Id, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

/** Product slugs and criterion keys: what `fit.<productSlug>` reads in segment filters. */
export const FitSlug = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a lower-case slug');

/**
 * One fit criterion. Without `filter` a person scores it 0–100; with `filter` (a segment filter
 * AST, checked like a segment's, without activity or segment conditions) it is derived from the
 * contact: 100 when the filter holds, 0 when not.
 */
export const FitCriterionInput = z
  .object({
    key: FitSlug,
    label: z.string().trim().min(1).max(200),
    weight: z.number().positive().max(1000),
    filter: z.record(z.unknown()).superRefine(checkJson(LIMITS.filter)).optional(),
  })
  .strict();
export type FitCriterionInput = z.infer<typeof FitCriterionInput>;

const Criteria = z
  .array(FitCriterionInput)
  .min(1)
  .max(50)
  .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, 'criterion keys are unique');

/** `POST /v1/products`. */
export const CreateProductInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    slug: FitSlug,
    description: z.string().max(2000).optional(),
    criteria: Criteria,
  })
  .strict();
export type CreateProductInput = z.infer<typeof CreateProductInput>;

/** `PATCH /v1/products/:id`: new criteria apply to later assessments; history stays. */
export const UpdateProductInput = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    criteria: Criteria.optional(),
  })
  .strict();
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;

export const FitCriterion = z.object({
  key: z.string(),
  label: z.string(),
  weight: z.number(),
  how: z.enum(['manual', 'derived']),
  filter: z.record(z.unknown()).nullable(),
});
export type FitCriterion = z.infer<typeof FitCriterion>;

export const Product = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  criteria: z.array(FitCriterion),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Product = z.infer<typeof Product>;

export const ProductIdParams = z.object({ id: Id }).strict();
export const RankingParams = z.object({ id: Id, contactId: Id }).strict();

/**
 * `POST /v1/products/:id/assessments`: scores 0–100 of the manual criteria (all of them);
 * derived criteria are computed from the contact and may not be given.
 */
export const AssessContactInput = z
  .object({
    contactId: Id,
    scores: z.record(FitSlug, z.number().min(0).max(100)).default({}),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type AssessContactInput = z.infer<typeof AssessContactInput>;

export const CriterionScore = z.object({
  key: z.string(),
  label: z.string(),
  weight: z.number(),
  how: z.enum(['manual', 'derived']),
  score: z.number(),
});

/** One assessment: never changed, never deleted; a re-assessment is a new one. */
export const Assessment = z.object({
  id: Id,
  productId: Id,
  productSlug: z.string(),
  productVersion: z.number().int(),
  contactId: Id,
  scores: z.array(CriterionScore),
  /** Σ weight × score / Σ weight, two decimals. */
  total: z.number(),
  note: z.string().nullable(),
  assessedBy: Actor,
  assessedAt: Timestamp,
});
export type Assessment = z.infer<typeof Assessment>;

export const ReviewState = z.enum(['pending', 'approved', 'rejected']);
export type ReviewState = z.infer<typeof ReviewState>;

/** A contact's place in a product's ranking: its latest assessment and the review of it. */
export const RankingEntry = z.object({
  productId: Id,
  contactId: Id,
  total: z.number(),
  assessmentId: Id,
  assessedAt: Timestamp,
  assessedBy: Actor,
  /** How many assessments the contact has for this product. */
  assessments: z.number().int(),
  review: ReviewState,
  reviewedBy: Actor.nullable(),
  reviewedAt: Timestamp.nullable(),
  reviewNote: z.string().nullable(),
  version: z.number().int(),
});
export type RankingEntry = z.infer<typeof RankingEntry>;

/** `GET /v1/products/:id/ranking`: highest total first. */
export const RankingQuery = PageQuery.extend({ review: ReviewState.optional() }).strict();
export type RankingQuery = z.infer<typeof RankingQuery>;

/** `PATCH /v1/products/:id/ranking/:contactId`. */
export const ReviewInput = z
  .object({ review: ReviewState, note: z.string().max(2000).optional() })
  .strict();
export type ReviewInput = z.infer<typeof ReviewInput>;

/** `GET /v1/products/:id/assessments`: newest first, optionally of one contact. */
export const ListAssessmentsQuery = PageQuery.extend({ contactId: Id.optional() }).strict();
export type ListAssessmentsQuery = z.infer<typeof ListAssessmentsQuery>;
