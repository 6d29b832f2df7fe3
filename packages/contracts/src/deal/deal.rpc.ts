import { z } from 'zod';
import { DealsPersonData, PersonExportInput } from '../contact/contact-erase';
import { ReassignOwnerInput, ReassignOwnerResult } from '../offboarding/offboarding';
import { pageOf, PageQuery } from '../common/pagination';
import { Id } from '../common/primitives';
import {
  Board,
  BoardColumn,
  BoardQuery,
  CreateDealInput,
  Deal,
  ListDealsQuery,
  MoveDealInput,
  UpdateDealInput,
} from './deal';
import { CreatePipelineInput, Pipeline, UpdatePipelineInput } from './pipeline';

const ById = z.object({ id: Id }).strict();

/** `rpc.deals.*`: served by the deals service. */
export const DEALS_RPC = {
  /** What this service holds about one person (their data export). */
  personExport: {
    subject: 'rpc.deals.person.export',
    input: PersonExportInput,
    output: DealsPersonData,
  },
  createPipeline: {
    subject: 'rpc.deals.pipeline.create',
    input: CreatePipelineInput,
    output: Pipeline,
  },
  getPipeline: { subject: 'rpc.deals.pipeline.get', input: ById, output: Pipeline },
  listPipelines: {
    subject: 'rpc.deals.pipeline.list',
    input: PageQuery,
    output: pageOf(Pipeline),
  },
  updatePipeline: {
    subject: 'rpc.deals.pipeline.update',
    input: z.object({ id: Id, patch: UpdatePipelineInput }).strict(),
    output: Pipeline,
  },
  deleteStage: {
    subject: 'rpc.deals.pipeline.stage.delete',
    input: z.object({ id: Id, stageId: Id, moveTo: Id.optional() }).strict(),
    output: Pipeline,
  },
  board: {
    subject: 'rpc.deals.board',
    input: BoardQuery.extend({ id: Id }).strict(),
    output: Board,
  },
  boardStage: {
    subject: 'rpc.deals.board.stage',
    input: PageQuery.extend({ id: Id, stageId: Id }).strict(),
    output: BoardColumn,
  },
  create: { subject: 'rpc.deals.create', input: CreateDealInput, output: Deal },
  get: { subject: 'rpc.deals.get', input: ById, output: Deal },
  list: { subject: 'rpc.deals.list', input: ListDealsQuery, output: pageOf(Deal) },
  update: {
    subject: 'rpc.deals.update',
    input: z.object({ id: Id, patch: UpdateDealInput }).strict(),
    output: Deal,
  },
  move: {
    subject: 'rpc.deals.move',
    input: MoveDealInput.extend({ id: Id }).strict(),
    output: Deal,
  },
  /** Offboarding: deals owned by a departing member move (decision 0135). */
  reassignOwner: {
    subject: 'rpc.deals.owner.reassign',
    input: ReassignOwnerInput,
    output: ReassignOwnerResult,
  },
} as const;
