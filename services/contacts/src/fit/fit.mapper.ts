import type { Assessment, Product, RankingEntry } from '@switchboard/contracts';
import type { AssessmentDoc, ProductDoc, RankingDoc } from './fit.schema';

const iso = (d: Date | string): string => new Date(d).toISOString();

export const toProduct = (doc: ProductDoc): Product => ({
  id: doc._id,
  workspaceId: doc.workspaceId,
  name: doc.name,
  slug: doc.slug,
  description: doc.description ?? null,
  criteria: doc.criteria.map((c) => ({
    key: c.key,
    label: c.label,
    weight: c.weight,
    how: c.how,
    filter: c.filterJson ? (JSON.parse(c.filterJson) as Record<string, unknown>) : null,
  })),
  version: doc.version,
  createdAt: iso(doc.createdAt),
  updatedAt: iso(doc.updatedAt),
});

export const toAssessment = (doc: AssessmentDoc): Assessment => ({
  id: doc._id,
  productId: doc.productId,
  productSlug: doc.productSlug,
  productVersion: doc.productVersion,
  contactId: doc.contactId,
  scores: doc.scores.map((s) => ({
    key: s.key,
    label: s.label,
    weight: s.weight,
    how: s.how,
    score: s.score,
  })),
  total: doc.total,
  note: doc.note ?? null,
  assessedBy: doc.assessedBy,
  assessedAt: iso(doc.assessedAt),
});

export const toRankingEntry = (doc: RankingDoc): RankingEntry => ({
  productId: doc.productId,
  contactId: doc.contactId,
  total: doc.total,
  assessmentId: doc.assessmentId,
  assessedAt: iso(doc.assessedAt),
  assessedBy: doc.assessedBy,
  assessments: doc.assessments,
  review: doc.review,
  reviewedBy: doc.reviewedBy ?? null,
  reviewedAt: doc.reviewedAt ? iso(doc.reviewedAt) : null,
  reviewNote: doc.reviewNote ?? null,
  version: doc.version,
});
