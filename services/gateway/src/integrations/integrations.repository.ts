import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { CROSS_TENANT, paginate, stage, trusted } from '@switchboard/storage';
import { integrationModel, type IntegrationDoc } from './integration.schema';

const HIDDEN = { outbox: 0, outboxPending: 0 } as const;

@Injectable()
export class IntegrationsRepository implements OnModuleInit {
  readonly model: Model<IntegrationDoc>;

  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = integrationModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  /** Stores the integration with its `integration.created` event staged in the same write. */
  async insert(doc: IntegrationDoc, events: EventEnvelope[]): Promise<void> {
    await this.model.create([
      { ...doc, outbox: events.map(stage), outboxPending: events.length > 0 },
    ]);
    this.relay.kick();
  }

  list(workspaceId: string, limit: number, cursor?: string): Promise<Page<IntegrationDoc>> {
    return paginate(
      this.model,
      { workspaceId },
      { sortField: 'createdAt', direction: 1, limit, cursor },
    );
  }

  find(workspaceId: string, id: string): Promise<IntegrationDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }, HIDDEN).lean<IntegrationDoc>();
  }

  /** Ids of the live integrations a member created (offboarding revokes or hands them on). */
  async liveCreatedBy(workspaceId: string, userId: string): Promise<string[]> {
    const rows = await this.model
      .find({ workspaceId, createdBy: userId, revokedAt: null }, { _id: 1 })
      .limit(1000)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  /** Hands the member's live integrations to `to` (they keep working); returns how many. */
  async transferCreatedBy(workspaceId: string, userId: string, to: string): Promise<number> {
    const res = await this.model.updateMany(
      { workspaceId, createdBy: userId, revokedAt: null },
      { $set: { createdBy: to } },
    );
    return res.modifiedCount;
  }

  /**
   * Revokes once, its `integration.revoked` event staged in the same write; false when it was
   * revoked already (by another request or replica).
   */
  async markRevoked(
    workspaceId: string,
    id: string,
    by: string,
    now: Date,
    events: EventEnvelope[],
  ): Promise<boolean> {
    const res = await this.model.updateOne(
      { workspaceId, _id: id, revokedAt: null },
      {
        $set: { revokedAt: now, revokedBy: by, outboxPending: true },
        $push: { outbox: { $each: events.map(stage) } },
      },
    );
    if (res.modifiedCount === 1) this.relay.kick();
    return res.modifiedCount === 1;
  }

  /**
   * Every revoked user of the deployment, all workspaces: NATS keeps one revocation list per
   * account, and all integrations live in the one application account.
   */
  async revokedUsers(): Promise<Map<string, Date>> {
    const docs = await this.model
      .find({ revokedAt: trusted({ $ne: null }) }, { userPublicKey: 1, revokedAt: 1 })
      .setOptions({ [CROSS_TENANT]: true })
      .lean<Pick<IntegrationDoc, 'userPublicKey' | 'revokedAt'>[]>();
    return new Map(docs.map((d) => [d.userPublicKey, d.revokedAt as Date]));
  }
}
