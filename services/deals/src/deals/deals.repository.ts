import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { QueryFilter, Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase } from '@switchboard/runtime';
import { paginate, VersionedStore, type Change, type MutateOptions } from '@switchboard/storage';
import { dealModel, type DealDoc } from './deal.schema';

/** Per stage and currency (null: deals without an amount): how many deals, summed units. */
export interface StageTotal {
  stageId: string;
  currency: string | null;
  count: number;
  units: number;
}

/** Deals storage. Every write stages its events in the same document write (the outbox). */
@Injectable()
export class DealsRepository implements OnModuleInit {
  readonly model: Model<DealDoc>;
  private readonly store: VersionedStore<DealDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = dealModel(db.connection);
    this.store = new VersionedStore(this.model, db.connection, { entity: 'deal' });
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.store.relayWith(this.wiring.startOutboxRelay([this.model]));
  }

  async insert(doc: DealDoc, events: EventEnvelope[]): Promise<void> {
    await this.store.create(doc, events);
  }

  findById(workspaceId: string, id: string): Promise<DealDoc | null> {
    return this.store.load(workspaceId, id);
  }

  /** Read, change, compare-and-set through the write kernel (`VersionedStore.mutate`). */
  mutate(
    workspaceId: string,
    id: string,
    change: (current: DealDoc) => Change<DealDoc> | Promise<Change<DealDoc>>,
    options: MutateOptions = {},
  ): Promise<{ doc: DealDoc; changed: boolean }> {
    return this.store.mutate(workspaceId, id, change, options);
  }

  page(
    filter: QueryFilter<DealDoc> & { workspaceId: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<DealDoc>> {
    return paginate(this.model, filter, { sortField: 'createdAt', direction: -1, limit, cursor });
  }

  countInStage(workspaceId: string, pipelineId: string, stageId: string): Promise<number> {
    return this.model.countDocuments({ workspaceId, pipelineId, stageId });
  }

  /** Ids of up to `limit` deals in a stage (for moving them out before the stage goes). */
  async idsInStage(workspaceId: string, pipelineId: string, stageId: string, limit: number) {
    const rows = await this.model
      .find({ workspaceId, pipelineId, stageId }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  async idsOfCompany(workspaceId: string, companyId: string, limit: number): Promise<string[]> {
    const rows = await this.model
      .find({ workspaceId, companyId }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  /** Ids of up to `limit` deals owned by `ownerId` (offboarding moves them). */
  async idsOwnedBy(workspaceId: string, ownerId: string, limit: number): Promise<string[]> {
    const rows = await this.model
      .find({ workspaceId, ownerId }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  /** Deals of the contact, as stored (the person's data export). */
  ofContact(workspaceId: string, contactId: string, limit: number): Promise<DealDoc[]> {
    return this.model
      .find({ workspaceId, contactId }, { outbox: 0 })
      .limit(limit)
      .lean<DealDoc[]>();
  }

  async idsOfContact(workspaceId: string, contactId: string, limit: number): Promise<string[]> {
    const rows = await this.model
      .find({ workspaceId, contactId }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  /**
   * Board totals: the pipeline's deals streamed with only stage and amount (an equality filter
   * FerretDB pushes down), summed here in exact integer units. See docs/architecture.md.
   * `scope`: the caller's read scope as an owner condition.
   */
  async stageTotals(
    workspaceId: string,
    pipelineId: string,
    scope: Pick<QueryFilter<DealDoc>, 'ownerId'> = {},
  ): Promise<StageTotal[]> {
    const totals = new Map<string, StageTotal>();
    const cursor = this.model
      .find({ workspaceId, pipelineId, ...scope }, { stageId: 1, amount: 1 })
      .lean<Pick<DealDoc, '_id' | 'stageId' | 'amount'>[]>()
      .cursor();
    for await (const raw of cursor) {
      const deal = raw as Pick<DealDoc, 'stageId' | 'amount'>;
      const currency = deal.amount?.currency ?? null;
      const key = `${deal.stageId}/${currency ?? ''}`;
      const total = totals.get(key) ?? { stageId: deal.stageId, currency, count: 0, units: 0 };
      total.count += 1;
      total.units += deal.amount?.units ?? 0;
      totals.set(key, total);
    }
    return [...totals.values()];
  }
}
