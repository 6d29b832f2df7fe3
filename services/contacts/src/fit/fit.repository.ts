import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { QueryFilter, Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import {
  insertIfAbsent,
  isDuplicateKeyError,
  paginate,
  stage,
  trusted,
  VersionedStore,
  type Change,
} from '@switchboard/storage';
import {
  assessmentModel,
  productModel,
  rankingModel,
  type AssessmentDoc,
  type ProductDoc,
  type RankingDoc,
} from './fit.schema';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/** Ids are opaque ids (letters, digits, `-`), so `_` separates the two unambiguously. */
export const rankingId = (productId: string, contactId: string) => `${productId}_${contactId}`;

/** Products, assessments (insert-only, with their `contact.scored` event) and rankings. */
@Injectable()
export class FitRepository implements OnModuleInit {
  readonly products: Model<ProductDoc>;
  readonly assessments: Model<AssessmentDoc>;
  readonly rankings: Model<RankingDoc>;
  private relay!: OutboxKick;
  private readonly productStore: VersionedStore<ProductDoc>;
  private readonly rankingStore: VersionedStore<RankingDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.products = productModel(db.connection);
    this.assessments = assessmentModel(db.connection);
    this.rankings = rankingModel(db.connection);
    this.productStore = new VersionedStore(this.products, db.connection, { entity: 'product' });
    this.rankingStore = new VersionedStore(this.rankings, db.connection, {
      entity: 'ranking entry',
    });
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.products.init(), this.assessments.init(), this.rankings.init()]);
    this.relay = this.wiring.startOutboxRelay([this.products, this.assessments, this.rankings]);
    this.productStore.relayWith(this.relay);
    this.rankingStore.relayWith(this.relay);
  }

  /** False when the workspace already has a product with that slug. */
  async insertProduct(doc: ProductDoc, events: EventEnvelope[]): Promise<boolean> {
    try {
      await this.products.create([{ ...doc, outbox: events.map(stage), outboxPending: true }]);
      this.relay.kick();
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  findProduct(workspaceId: string, id: string): Promise<ProductDoc | null> {
    return this.products.findOne({ workspaceId, _id: id }, NO_OUTBOX).lean<ProductDoc>();
  }

  /** Read, change, compare-and-set of a product through the write kernel. */
  mutateProduct(
    workspaceId: string,
    id: string,
    change: (current: ProductDoc) => Change<ProductDoc>,
  ): Promise<{ doc: ProductDoc; changed: boolean }> {
    return this.productStore.mutate(workspaceId, id, change);
  }

  pageProducts(workspaceId: string, limit: number, cursor?: string): Promise<Page<ProductDoc>> {
    return paginate(
      this.products,
      { workspaceId },
      { sortField: 'createdAt', direction: -1, limit, cursor },
    );
  }

  async insertAssessment(doc: AssessmentDoc, events: EventEnvelope[]): Promise<void> {
    await this.assessments.create([{ ...doc, outbox: events.map(stage), outboxPending: true }]);
    this.relay.kick();
  }

  pageAssessments(
    filter: QueryFilter<AssessmentDoc> & { workspaceId: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<AssessmentDoc>> {
    return paginate(this.assessments, filter, {
      sortField: 'assessedAt',
      direction: -1,
      limit,
      cursor,
    });
  }

  countAssessments(workspaceId: string, productId: string, contactId: string): Promise<number> {
    return this.assessments.countDocuments({ workspaceId, productId, contactId });
  }

  findRanking(workspaceId: string, productId: string, contactId: string) {
    return this.rankings
      .findOne({ workspaceId, _id: rankingId(productId, contactId) }, NO_OUTBOX)
      .lean<RankingDoc>();
  }

  /** A contact's first ranking entry; false when another writer created it first. */
  insertRanking(doc: RankingDoc): Promise<boolean> {
    return insertIfAbsent(this.rankings, { ...doc, outboxPending: false });
  }

  /** Read, change, compare-and-set of a ranking entry through the write kernel. */
  mutateRanking(
    workspaceId: string,
    productId: string,
    contactId: string,
    change: (current: RankingDoc) => Change<RankingDoc>,
  ): Promise<{ doc: RankingDoc; changed: boolean }> {
    return this.rankingStore.mutate(workspaceId, rankingId(productId, contactId), change);
  }

  pageRanking(
    filter: QueryFilter<RankingDoc> & { workspaceId: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<RankingDoc>> {
    return paginate(this.rankings, filter, { sortField: 'total', direction: -1, limit, cursor });
  }

  /** The contact's current totals by product id (what `fit.<slug>` reads in derived criteria). */
  rankingsOfContact(workspaceId: string, contactId: string) {
    return this.rankings
      .find({ workspaceId, contactId }, { productId: 1, total: 1 })
      .limit(500)
      .lean<Pick<RankingDoc, '_id' | 'productId' | 'total'>[]>();
  }

  productSlugs(workspaceId: string, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.products
      .find({ workspaceId, _id: trusted({ $in: ids }) }, { slug: 1 })
      .lean<Pick<ProductDoc, '_id' | 'slug'>[]>();
  }
}
