import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { stage } from '@switchboard/storage';
import { invitationModel, type InvitationDoc } from './invitation.schema';

@Injectable()
export class InvitationsRepository implements OnModuleInit {
  readonly model: Model<InvitationDoc>;

  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = invitationModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  /** Stores the invitation with its `member.invited` event staged in the same write. */
  async insert(doc: InvitationDoc, events: EventEnvelope[] = []): Promise<void> {
    await this.model.create([
      { ...doc, outbox: events.map(stage), outboxPending: events.length > 0 },
    ]);
    this.relay.kick();
  }

  findByHash(workspaceId: string, tokenHash: string): Promise<InvitationDoc | null> {
    return this.model
      .findOne({ workspaceId, tokenHash }, { outbox: 0, outboxPending: 0 })
      .lean<InvitationDoc>();
  }

  /** A workspace has few invitations: all of them (bounded), newest first. */
  list(workspaceId: string): Promise<InvitationDoc[]> {
    return this.model
      .find({ workspaceId }, { outbox: 0, outboxPending: 0, tokenHash: 0 })
      .limit(1000)
      .lean<InvitationDoc[]>()
      .then((all) => all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()));
  }

  find(workspaceId: string, id: string): Promise<InvitationDoc | null> {
    return this.model
      .findOne({ workspaceId, _id: id }, { outbox: 0, outboxPending: 0, tokenHash: 0 })
      .lean<InvitationDoc>();
  }

  /**
   * Revokes a pending invitation once, its `member.invitation.revoked` event staged in the same
   * write; false when it was accepted or revoked in the meantime.
   */
  async markRevoked(
    workspaceId: string,
    id: string,
    by: string,
    now: Date,
    events: EventEnvelope[],
  ): Promise<boolean> {
    const res = await this.model.updateOne(
      { workspaceId, _id: id, acceptedAt: null, revokedAt: null },
      {
        $set: { revokedAt: now, revokedBy: by, outboxPending: true },
        $push: { outbox: { $each: events.map(stage) } },
      },
    );
    if (res.modifiedCount === 1) this.relay.kick();
    return res.modifiedCount === 1;
  }

  /** Claims the invitation once: false when another acceptance (or a revocation) got there first. */
  async markAccepted(workspaceId: string, id: string, now: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { workspaceId, _id: id, acceptedAt: null, revokedAt: null },
      { acceptedAt: now },
    );
    return res.modifiedCount === 1;
  }
}
