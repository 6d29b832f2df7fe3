import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { QueryFilter, Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase } from '@switchboard/runtime';
import {
  insertIfAbsent,
  paginate,
  VersionedStore,
  type Change,
  type MutateOptions,
} from '@switchboard/storage';
import { leadModel, leadSettingsModel, type LeadDoc, type LeadSettingsDoc } from './lead.schema';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/** Leads and lead settings. Lead writes stage their events in the same document write. */
@Injectable()
export class LeadsRepository implements OnModuleInit {
  readonly model: Model<LeadDoc>;
  readonly settings: Model<LeadSettingsDoc>;
  private readonly store: VersionedStore<LeadDoc>;
  private readonly settingsStore: VersionedStore<LeadSettingsDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = leadModel(db.connection);
    this.settings = leadSettingsModel(db.connection);
    this.store = new VersionedStore(this.model, db.connection, { entity: 'lead' });
    this.settingsStore = new VersionedStore(this.settings, db.connection, {
      entity: 'lead settings',
      // Every capture moves the round-robin position: contended by design.
      maxAttempts: 30,
    });
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.model.init(), this.settings.init()]);
    const relay = this.wiring.startOutboxRelay([this.model, this.settings]);
    this.store.relayWith(relay);
    this.settingsStore.relayWith(relay);
  }

  async insert(doc: LeadDoc, events: EventEnvelope[]): Promise<void> {
    await this.store.create(doc, events);
  }

  findById(workspaceId: string, id: string): Promise<LeadDoc | null> {
    return this.store.load(workspaceId, id);
  }

  /** Read, change, compare-and-set through the write kernel (`VersionedStore.mutate`). */
  mutate(
    workspaceId: string,
    id: string,
    change: (current: LeadDoc) => Change<LeadDoc> | Promise<Change<LeadDoc>>,
    options: MutateOptions = {},
  ): Promise<{ doc: LeadDoc; changed: boolean }> {
    return this.store.mutate(workspaceId, id, change, options);
  }

  page(
    filter: QueryFilter<LeadDoc> & { workspaceId: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<LeadDoc>> {
    return paginate(this.model, filter, { sortField: 'createdAt', direction: -1, limit, cursor });
  }

  /** Ids of up to `limit` leads assigned to `assigneeId` (offboarding moves them). */
  async idsAssignedTo(workspaceId: string, assigneeId: string, limit: number): Promise<string[]> {
    const rows = await this.model
      .find({ workspaceId, assigneeId }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
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

  /** Read, change, compare-and-set of the settings document (created first if missing). */
  async mutateSettings(
    workspaceId: string,
    change: (current: LeadSettingsDoc) => Change<LeadSettingsDoc>,
  ): Promise<{ doc: LeadSettingsDoc; changed: boolean }> {
    await this.settingsOf(workspaceId);
    return this.settingsStore.mutate(workspaceId, workspaceId, change);
  }
}
