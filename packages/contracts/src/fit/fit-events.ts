import { z } from 'zod';
import { Id } from '../common/primitives';
import { Actor } from '../context/request-context';

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

export const FIT_EVENTS = {
  'contact.scored': { aggregate: 'fit_assessment', version: 1, data: ContactScoredV1 },
} as const;
