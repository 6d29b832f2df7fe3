import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FilterQuery, Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { insertIfAbsent, paginate, stage, VersionedWriter } from '@switchboard/storage';
import { leadModel, leadSettingsModel, type LeadDoc, type LeadSettingsDoc } from './lead.schema';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/** Leads and lead settings. Lead writes stage their events in the same document write. */
@Injectable()
export class LeadsRepository implements OnModuleInit {
  readonly model: Model<LeadDoc>;
  readonly settings: Model<LeadSettingsDoc>;
  private relay!: OutboxKick;
  private readonly writer: VersionedWriter<LeadDoc>;
  private readonly settingsWriter: VersionedWriter<LeadSettingsDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = leadModel(db.connection);
    this.settings = leadSettingsModel(db.connection);
    this.writer = new VersionedWriter(this.model, db.connection, 'lead');
    this.settingsWriter = new VersionedWriter(this.settings, db.connection, 'lead_settings');
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.model.init(), this.settings.init()]);
    this.relay = this.wiring.startOutboxRelay([this.model, this.settings]);
  }

  async insert(doc: LeadDoc, events: EventEnvelope[]): Promise<void> {
    await this.model.create([{ ...doc, outbox: events.map(stage), outboxPending: true }]);
    this.relay.kick();
  }

  findById(workspaceId: string, id: string): Promise<LeadDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }, NO_OUTBOX).lean<LeadDoc>();
  }

  /** Writes `doc` if the lead is still at `expectedVersion` (decision 25); false otherwise. */
  async replace(doc: LeadDoc, expectedVersion: number, events: EventEnvelope[]): Promise<boolean> {
    const written = await this.writer.replace(doc, expectedVersion, events);
    if (written) this.relay.kick();
    return written;
  }

  page(
    filter: FilterQuery<LeadDoc> & { workspaceId: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<LeadDoc>> {
    return paginate(this.model, filter, { sortField: 'createdAt', direction: -1, limit, cursor });
  }

  /** The workspace's settings, created empty on first use. */
  async settingsOf(workspaceId: string): Promise<LeadSettingsDoc> {
    const found = await this.settings
      .findOne({ workspaceId, _id: workspaceId }, NO_OUTBOX)
      .lean<LeadSettingsDoc>();
    if (found) return found;
    await insertIfAbsent(this.settings, {
      _id: workspaceId,
      workspaceId,
      roundRobin: [],
      next: 0,
      version: 1,
      updatedAt: new Date(),
      outboxPending: false,
    });
    const created = await this.settings
      .findOne({ workspaceId, _id: workspaceId }, NO_OUTBOX)
      .lean<LeadSettingsDoc>();
    if (!created) throw new Error(`lead settings of ${workspaceId} vanished`);
    return created;
  }

  /** Compare-and-set of the settings document (round-robin position, set). */
  async replaceSettings(
    doc: LeadSettingsDoc,
    expectedVersion: number,
    events: EventEnvelope[] = [],
  ): Promise<boolean> {
    const written = await this.settingsWriter.replace(doc, expectedVersion, events);
    if (written && events.length > 0) this.relay.kick();
    return written;
  }
}
