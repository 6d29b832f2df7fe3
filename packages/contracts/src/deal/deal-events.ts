import { z } from 'zod';
import { Id } from '../common/primitives';
import { Deal } from './deal';
import { StageCategory } from './pipeline';

/**
 * Every deal event carries the deal as stored after the change and its `contactId` at the top,
 * so the activity service files it on that contact's timeline without calling back (null once
 * the contact was erased).
 */
export const DealCreatedV1 = z.object({ contactId: Id.nullable(), deal: Deal });
export const DealUpdatedV1 = z.object({
  contactId: Id.nullable(),
  deal: Deal,
  /** Names of the fields that changed. */
  changes: z.array(z.string()),
  /** Set when the deal moved to another contact (edit or contact merge). */
  previousContactId: Id.optional(),
});
const StageRef = z.object({ stageId: Id, name: z.string(), category: StageCategory });
export const DealStageChangedV1 = z.object({
  contactId: Id.nullable(),
  deal: Deal,
  from: StageRef,
  to: StageRef,
});
export const DealWonV1 = z.object({ contactId: Id.nullable(), deal: Deal });
export const DealLostV1 = z.object({
  contactId: Id.nullable(),
  deal: Deal,
  lostReason: z.string().nullable(),
});

export const DEAL_EVENTS = {
  'deal.created': { aggregate: 'deal', version: 1, data: DealCreatedV1 },
  'deal.updated': { aggregate: 'deal', version: 1, data: DealUpdatedV1 },
  'deal.stage.changed': { aggregate: 'deal', version: 1, data: DealStageChangedV1 },
  'deal.won': { aggregate: 'deal', version: 1, data: DealWonV1 },
  'deal.lost': { aggregate: 'deal', version: 1, data: DealLostV1 },
} as const;
