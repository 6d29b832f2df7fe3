import { z } from 'zod';
import { Suppression } from './suppression';

/**
 * `suppression.added` v1: an address was suppressed, or got another reason while suppressed
 * (`reason` is the one added). `suppression.lifted` v1: it was removed from the list.
 */
export const SuppressionAddedV1 = z.object({
  suppression: Suppression,
  reason: Suppression.shape.reason,
});
export const SuppressionLiftedV1 = z.object({ suppression: Suppression });

export const SUPPRESSION_EVENTS = {
  'suppression.added': { aggregate: 'suppression', version: 1, data: SuppressionAddedV1 },
  'suppression.lifted': { aggregate: 'suppression', version: 1, data: SuppressionLiftedV1 },
} as const;
