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

  /** Claims the invitation once: false when another acceptance got there first. */
  async markAccepted(workspaceId: string, id: string, now: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { workspaceId, _id: id, acceptedAt: null },
      { acceptedAt: now },
    );
    return res.modifiedCount === 1;
  }
}
