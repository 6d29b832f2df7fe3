import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FilterQuery, Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import {
  insertIfAbsent,
  isDuplicateKeyError,
  paginate,
  stage,
  trusted,
  VersionedWriter,
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
  private readonly productWriter: VersionedWriter<ProductDoc>;
  private readonly rankingWriter: VersionedWriter<RankingDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.products = productModel(db.connection);
    this.assessments = assessmentModel(db.connection);
    this.rankings = rankingModel(db.connection);
    this.productWriter = new VersionedWriter(this.products, db.connection, 'fit_product');
    this.rankingWriter = new VersionedWriter(this.rankings, db.connection, 'fit_ranking');
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.products.init(), this.assessments.init(), this.rankings.init()]);
    this.relay = this.wiring.startOutboxRelay([this.products, this.assessments, this.rankings]);
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

  async replaceProduct(
    doc: ProductDoc,
    expectedVersion: number,
    events: EventEnvelope[],
  ): Promise<boolean> {
    const written = await this.productWriter.replace(doc, expectedVersion, events);
    if (written && events.length > 0) this.relay.kick();
    return written;
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
    filter: FilterQuery<AssessmentDoc> & { workspaceId: string },
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

  async replaceRanking(
    doc: RankingDoc,
    expectedVersion: number,
    events: EventEnvelope[] = [],
  ): Promise<boolean> {
    const written = await this.rankingWriter.replace(doc, expectedVersion, events);
    if (written && events.length > 0) this.relay.kick();
    return written;
  }

  pageRanking(
    filter: FilterQuery<RankingDoc> & { workspaceId: string },
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
