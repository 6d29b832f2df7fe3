import { z } from 'zod';
import { checkJson } from '../common/bounded-json';
import { LIMITS } from '../common/limits';
import { PageQuery } from '../common/pagination';
import { Id, NonEmptyText, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';
import { Pipeline, Stage, StageCategory } from './pipeline';

/** Up to four decimals, so sums are exact in integer ten-thousandths (see docs, board sums). */
const hasFourDecimals = (v: number) => Math.abs(Math.round(v * 1e4) - v * 1e4) < 1e-6;

export const Money = z
  .object({
    value: z.number().finite().min(0).max(1e11).refine(hasFourDecimals, 'at most four decimals'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR'),
  })
  .strict();
export type Money = z.infer<typeof Money>;

/** A calendar day, `YYYY-MM-DD`. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a date');

const Tag = z.string().trim().min(1).max(100);
const CustomFieldValues = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
    z.union([
      z.string().max(2000),
      z.number(),
      z.boolean(),
      z.array(z.string().max(200)).max(100),
      z.null(),
    ]),
  )
  .superRefine(checkJson({ maxBytes: LIMITS.customFieldsBytes, maxDepth: 2 }));

/** Companies are not built yet: their ids are checked for format only (docs/architecture.md). */
export const CreateDealInput = z
  .object({
    title: NonEmptyText(200),
    pipelineId: Id,
    stageId: Id.optional(),
    contactId: Id,
    companyId: Id.optional(),
    amount: Money.optional(),
    ownerId: Id.optional(),
    expectedCloseDate: CalendarDate.optional(),
    tags: z.array(Tag).max(100).optional(),
    customFields: CustomFieldValues.optional(),
  })
  .strict();
export type CreateDealInput = z.infer<typeof CreateDealInput>;

/** `PATCH /v1/deals/:id`: absent = unchanged, `null` = clear. Stages change through `move`. */
export const UpdateDealInput = z
  .object({
    title: NonEmptyText(200).optional(),
    contactId: Id.optional(),
    companyId: Id.nullable().optional(),
    amount: Money.nullable().optional(),
    ownerId: Id.nullable().optional(),
    expectedCloseDate: CalendarDate.nullable().optional(),
    tags: z.array(Tag).max(100).optional(),
    customFields: CustomFieldValues.optional(),
  })
  .strict();
export type UpdateDealInput = z.infer<typeof UpdateDealInput>;

export const MoveDealInput = z
  .object({ stageId: Id, lostReason: z.string().trim().min(1).max(500).optional() })
  .strict();
export type MoveDealInput = z.infer<typeof MoveDealInput>;

export const DealStatus = StageCategory;
export type DealStatus = z.infer<typeof DealStatus>;

/** One stay of a deal in a stage: when it entered and left, and who moved it. */
export const StageVisit = z.object({
  stageId: Id,
  stageName: z.string(),
  category: StageCategory,
  enteredAt: Timestamp,
  enteredBy: Actor,
  leftAt: Timestamp.nullable(),
  leftBy: Actor.nullable(),
});
export type StageVisit = z.infer<typeof StageVisit>;

export const DealOutcome = z.object({
  status: z.enum(['won', 'lost']),
  at: Timestamp,
  by: Actor,
  lostReason: z.string().nullable(),
});
export type DealOutcome = z.infer<typeof DealOutcome>;

export const Deal = z.object({
  id: Id,
  workspaceId: Id,
  title: z.string(),
  pipelineId: Id,
  stageId: Id,
  status: DealStatus,
  probability: z.number().int(),
  /** Null once the contact was erased (`contact.erased`): the deal stays, the person goes. */
  contactId: Id.nullable(),
  companyId: Id.nullable(),
  amount: Money.nullable(),
  ownerId: Id.nullable(),
  expectedCloseDate: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.unknown()),
  stageHistory: z.array(StageVisit),
  outcome: DealOutcome.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Deal = z.infer<typeof Deal>;

export const DealIdParams = z.object({ id: Id }).strict();

/** `GET /v1/deals`: `ownerId` takes an id, `me` or `none`; close dates are inclusive. */
export const ListDealsQuery = PageQuery.extend({
  pipelineId: Id.optional(),
  stageId: Id.optional(),
  status: DealStatus.optional(),
  ownerId: z.union([Id, z.literal('me'), z.literal('none')]).optional(),
  contactId: Id.optional(),
  companyId: Id.optional(),
  closeFrom: CalendarDate.optional(),
  closeTo: CalendarDate.optional(),
}).strict();
export type ListDealsQuery = z.infer<typeof ListDealsQuery>;

/** One column of a board: the stage, its totals and a page of its deals (newest first). */
export const BoardColumn = z.object({
  stage: Stage,
  count: z.number().int(),
  /** Sum of deal amounts per currency (deals without an amount only count). */
  amounts: z.array(Money),
  deals: z.array(Deal),
  nextCursor: z.string().nullable(),
});
export type BoardColumn = z.infer<typeof BoardColumn>;

export const Board = z.object({
  pipeline: Pipeline,
  stages: z.array(BoardColumn),
});
export type Board = z.infer<typeof Board>;

/** `GET /v1/pipelines/:id/board?limit=` (deals per stage, default 20). */
export const BoardQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(20) })
  .strict();
export type BoardQuery = z.infer<typeof BoardQuery>;
