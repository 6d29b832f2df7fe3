import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Page, WebhookDeliveryStatus } from '@switchboard/contracts';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT, insertManyIfAbsent, paginate, trusted } from '@switchboard/storage';
import {
  ATTEMPT_LOG_MAX,
  deliveryModel,
  type DeliveryDoc,
  type StoredAttempt,
} from './delivery.schema';

/**
 * One id per endpoint and event, whatever time the event comes (JetStream delivers at least
 * once): `d` + 30 base64url characters of sha256. Ids of deliveries made otherwise (tests) are
 * UUIDv7s.
 */
export const deliveryId = (webhookId: string, eventId: string): string =>
  'd' + createHash('sha256').update(`${webhookId}:${eventId}`).digest('base64url').slice(0, 30);

/** Deliveries: made by the event consumer, written by the one job that runs each. */
@Injectable()
export class DeliveriesRepository implements OnModuleInit {
  readonly model: Model<DeliveryDoc>;

  constructor(db: MongoDatabase) {
    this.model = deliveryModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** Inserts those not there yet (a redelivered event finds its deliveries made). */
  async insertMany(docs: DeliveryDoc[]): Promise<void> {
    await insertManyIfAbsent(this.model, docs);
  }

  async insert(doc: DeliveryDoc): Promise<void> {
    await this.model.create([doc]);
  }

  findById(workspaceId: string, id: string): Promise<DeliveryDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }).lean<DeliveryDoc>();
  }

  page(
    workspaceId: string,
    webhookId: string,
    status: WebhookDeliveryStatus | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<DeliveryDoc>> {
    return paginate(
      this.model,
      { workspaceId, webhookId, ...(status ? { status } : {}) },
      { sortField: 'createdAt', direction: -1, limit, cursor },
    );
  }

  /** The oldest pending delivery of the same contact before this one, if any. */
  olderPending(d: DeliveryDoc): Promise<DeliveryDoc | null> {
    return this.model
      .findOne({
        workspaceId: d.workspaceId,
        orderKey: d.orderKey,
        status: 'pending',
        seq: trusted({ $lt: d.seq }),
      })
      .sort({ seq: 1 })
      .lean<DeliveryDoc>();
  }

  /** Appends an attempt and sets the outcome (only the job running the delivery writes it). */
  async recordAttempt(
    d: DeliveryDoc,
    attempt: StoredAttempt,
    status: WebhookDeliveryStatus,
    nextAttemptAt: Date | null,
  ): Promise<void> {
    await this.model.updateOne(
      { workspaceId: d.workspaceId, _id: d._id },
      {
        $set: {
          status,
          attempts: d.attempts + 1,
          responseCode: attempt.responseCode,
          latencyMs: attempt.latencyMs,
          attemptLog: [...d.attemptLog, attempt].slice(-ATTEMPT_LOG_MAX),
          nextAttemptAt,
          updatedAt: attempt.at,
        },
      },
    );
  }

  async setStatus(d: DeliveryDoc, status: WebhookDeliveryStatus, extra: Partial<DeliveryDoc> = {}) {
    await this.model.updateOne(
      { workspaceId: d.workspaceId, _id: d._id },
      { $set: { status, updatedAt: new Date(), ...extra } },
    );
  }

  /**
   * Deletes finished deliveries (succeeded or failed) untouched since `before`, across
   * workspaces: the retention purge. Pending ones stay whatever their age.
   */
  async purgeFinished(before: Date): Promise<number> {
    const result = await this.model
      .deleteMany({
        status: trusted({ $in: ['succeeded', 'failed'] }),
        updatedAt: trusted({ $lt: before }),
      })
      .setOptions({ [CROSS_TENANT]: true });
    return result.deletedCount;
  }

  /** Pending deliveries whose next attempt is overdue, across workspaces (the sweep). */
  async *overdue(
    before: Date,
  ): AsyncGenerator<Pick<DeliveryDoc, '_id' | 'workspaceId' | 'retries'>> {
    const cursor = this.model
      .find(
        { status: 'pending', nextAttemptAt: trusted({ $lt: before }) },
        { _id: 1, workspaceId: 1, retries: 1 },
      )
      .setOptions({ [CROSS_TENANT]: true })
      .lean<Pick<DeliveryDoc, '_id' | 'workspaceId' | 'retries'>[]>()
      .cursor();
    for await (const doc of cursor) yield doc;
  }
}
