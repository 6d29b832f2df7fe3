import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope, OffboardingKind } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { CROSS_TENANT, DocumentWriter, stage, trusted, updateStaged } from '@switchboard/storage';
import { offboardingModel, type OffboardingDoc } from './offboarding.schema';

/** Offboardings and their progress (one document each, written step by step). */
@Injectable()
export class OffboardingsRepository implements OnModuleInit {
  readonly model: Model<OffboardingDoc>;

  private relay!: OutboxKick;
  private readonly writer: DocumentWriter;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = offboardingModel(db.connection);
    this.writer = new DocumentWriter(this.model, db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  /** Stores the offboarding with its `member.offboarded` event staged in the same write. */
  async insert(doc: OffboardingDoc, events: EventEnvelope[]): Promise<void> {
    await this.model.create([
      { ...doc, outbox: events.map(stage), outboxPending: events.length > 0 },
    ]);
    this.relay.kick();
  }

  find(workspaceId: string, id: string): Promise<OffboardingDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }).lean<OffboardingDoc>();
  }

  /** Progress of one step (the whole steps list: few entries, one writer per offboarding). */
  async saveStep(
    doc: OffboardingDoc,
    kind: OffboardingKind,
    moved: number,
    done: boolean,
  ): Promise<void> {
    doc.steps = doc.steps.map((s) => (s.kind === kind ? { kind, moved, done } : s));
    await updateStaged(
      this.model,
      this.writer,
      keyOf(doc),
      {},
      {
        steps: doc.steps,
        status: 'running',
        error: null,
      },
    );
  }

  async finish(doc: OffboardingDoc, status: 'completed' | 'failed', error: string | null) {
    await updateStaged(
      this.model,
      this.writer,
      keyOf(doc),
      {},
      {
        status,
        error,
        completedAt: status === 'completed' ? new Date() : null,
      },
    );
  }

  /** Unfinished offboardings of every workspace (a restarted gateway resumes them). */
  unfinished(): Promise<OffboardingDoc[]> {
    return this.model
      .find({ status: trusted({ $in: ['running', 'failed'] }) })
      .setOptions({ [CROSS_TENANT]: true })
      .limit(1000)
      .lean<OffboardingDoc[]>();
  }
}

const keyOf = (doc: OffboardingDoc) => ({ workspaceId: doc.workspaceId, _id: doc._id });
