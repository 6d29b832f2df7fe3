import { z } from 'zod';
import { Id } from '../common/primitives';
import { Actor } from '../context/request-context';
import { Product, ReviewState } from './fit';

/**
 * `crm.<ws>.contact.scored` v1: a contact was assessed for a product. The segments projection
 * keeps `total` as `fit.<productSlug>`; the timeline files it as "profile scored". The aggregate
 * is the assessment (`fit_assessment`, version 1): an assessment is never changed.
 */
export const ContactScoredV1 = z.object({
  contactId: Id,
  productId: Id,
  productSlug: z.string(),
  total: z.number(),
  assessmentId: Id,
  assessedBy: Actor,
});
export type ContactScoredV1 = z.infer<typeof ContactScoredV1>;

/** `product.created` v1: the product as stored (for the audit trail). */
export const ProductCreatedV1 = z.object({ product: Product });
/** `product.updated` v1: the product after the edit and the names of the fields that changed. */
export const ProductUpdatedV1 = z.object({ product: Product, changes: z.array(z.string()) });
/**
 * `fit.reviewed` v1: a person set the review state of a contact's current assessment for a
 * product. The aggregate is the ranking entry (`fit_ranking`, id `<productId>_<contactId>`).
 */
export const FitReviewedV1 = z.object({
  contactId: Id,
  productId: Id,
  productSlug: z.string(),
  assessmentId: Id,
  total: z.number(),
  review: ReviewState,
  previous: ReviewState,
  note: z.string().nullable(),
});

export const FIT_EVENTS = {
  'contact.scored': { aggregate: 'fit_assessment', version: 1, data: ContactScoredV1 },
  'product.created': { aggregate: 'product', version: 1, data: ProductCreatedV1 },
  'product.updated': { aggregate: 'product', version: 1, data: ProductUpdatedV1 },
  'fit.reviewed': { aggregate: 'fit_ranking', version: 1, data: FitReviewedV1 },
} as const;
