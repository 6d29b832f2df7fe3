import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { CROSS_TENANT, DocumentWriter, stage, updateStaged } from '@switchboard/storage';
import { apiKeyModel, type ApiKeyDoc } from './api-key.schema';

@Injectable()
export class ApiKeysRepository implements OnModuleInit {
  readonly model: Model<ApiKeyDoc>;

  private relay!: OutboxKick;
  private readonly writer: DocumentWriter;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = apiKeyModel(db.connection);
    this.writer = new DocumentWriter(this.model, db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  /** Stores the key with its `api_key.created` event staged in the same write (the audit). */
  async insert(doc: ApiKeyDoc, events: EventEnvelope[] = []): Promise<void> {
    await this.model.create([
      { ...doc, outbox: events.map(stage), outboxPending: events.length > 0 },
    ]);
    this.relay.kick();
  }

  findByPrefix(prefix: string): Promise<ApiKeyDoc | null> {
    return this.model
      .findOne({ prefix })
      .setOptions({ [CROSS_TENANT]: true })
      .lean<ApiKeyDoc>();
  }

  /** A workspace has few keys; listing them all (bounded) keeps the route simple. */
  list(workspaceId: string): Promise<ApiKeyDoc[]> {
    return this.model
      .find({ workspaceId }, { secretHash: 0 })
      .limit(1000)
      .lean<ApiKeyDoc[]>()
      .then((keys) => keys.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
  }

  /** Sets revokedAt once; null when there is no such key in the workspace. */
  async revoke(
    workspaceId: string,
    id: string,
    now: Date,
    events: (doc: ApiKeyDoc) => EventEnvelope[] = () => [],
  ): Promise<ApiKeyDoc | null> {
    const doc = await this.model.findOne({ workspaceId, _id: id }).lean<ApiKeyDoc>();
    if (!doc || doc.revokedAt) return doc;
    await this.markRevoked(doc, now, events(doc));
    return { ...doc, revokedAt: now };
  }

  /** Revokes once, its `api_key.revoked` event staged in the same write. */
  private async markRevoked(doc: ApiKeyDoc, now: Date, events: EventEnvelope[]): Promise<void> {
    const key = { workspaceId: doc.workspaceId, _id: doc._id };
    const revoked = await updateStaged(
      this.model,
      this.writer,
      key,
      { revokedAt: null },
      { revokedAt: now },
      events,
    );
    if (revoked) this.relay.kick();
  }

  findById(workspaceId: string, id: string): Promise<ApiKeyDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }).lean<ApiKeyDoc>();
  }

  /** Revokes every live key acting for `userId` (a member leaving); the keys it revoked. */
  async revokeOwnedBy(
    workspaceId: string,
    userId: string,
    now: Date,
    events: (doc: ApiKeyDoc) => EventEnvelope[] = () => [],
  ): Promise<ApiKeyDoc[]> {
    const owned = await this.model
      .find({ workspaceId, revokedAt: null, $or: [{ ownerUserId: userId }, { createdBy: userId }] })
      .limit(1000)
      .lean<ApiKeyDoc[]>();
    for (const key of owned) await this.markRevoked(key, now, events(key));
    return owned;
  }

  /**
   * Offboarding with `apiKeys: "transfer"`: the member's live keys act for `to` from now on
   * (`ownerUserId`); returns how many.
   */
  async transferOwnedBy(workspaceId: string, userId: string, to: string): Promise<ApiKeyDoc[]> {
    const owned = await this.model
      .find({ workspaceId, revokedAt: null, $or: [{ ownerUserId: userId }, { createdBy: userId }] })
      .limit(1000)
      .lean<ApiKeyDoc[]>();
    // A key made by another member's key keeps that member (its ownerUserId is set).
    const mine = owned.filter((k) => (k.ownerUserId ?? k.createdBy) === userId);
    for (const key of mine)
      await updateStaged(
        this.model,
        this.writer,
        { workspaceId, _id: key._id },
        { revokedAt: null },
        { ownerUserId: to },
      );
    return mine;
  }

  /** At the document's revision, like every write of it: the outbox relay rewrites it too. */
  async touch(workspaceId: string, id: string, now: Date): Promise<void> {
    await updateStaged(this.model, this.writer, { workspaceId, _id: id }, {}, { lastUsedAt: now });
  }
}
