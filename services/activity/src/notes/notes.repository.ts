import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope, NoteAnchorType, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { paginate, stage, VersionedWriter } from '@switchboard/storage';
import { noteModel, type NoteDoc } from './note.schema';

/** Notes storage; every write stages its events in the same document write (the outbox). */
@Injectable()
export class NotesRepository implements OnModuleInit {
  readonly model: Model<NoteDoc>;
  private readonly writer: VersionedWriter<NoteDoc>;
  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = noteModel(db.connection);
    this.writer = new VersionedWriter(this.model, db.connection, 'note');
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  async insert(doc: NoteDoc, events: EventEnvelope[]): Promise<void> {
    await this.model.create([{ ...doc, outbox: events.map(stage), outboxPending: true }]);
    this.relay.kick();
  }

  findById(workspaceId: string, id: string): Promise<NoteDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }, { outbox: 0 }).lean<NoteDoc>();
  }

  /** Writes the next state if nobody wrote since `expectedVersion` (see VersionedWriter). */
  async replace(doc: NoteDoc, expectedVersion: number, events: EventEnvelope[]): Promise<boolean> {
    const written = await this.writer.replace(doc, expectedVersion, events);
    if (written) this.relay.kick();
    return written;
  }

  page(
    workspaceId: string,
    anchor: { type: NoteAnchorType; id: string },
    opts: { limit: number; cursor?: string },
  ): Promise<Page<NoteDoc>> {
    return paginate(
      this.model,
      { workspaceId, anchorType: anchor.type, anchorId: anchor.id, deleted: false },
      { sortField: 'createdAt', direction: -1, limit: opts.limit, cursor: opts.cursor },
    );
  }
}
