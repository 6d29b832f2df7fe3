import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { QueryFilter, Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase } from '@switchboard/runtime';
import {
  isDuplicateKeyError,
  paginate,
  trusted,
  VersionedStore,
  type Change,
} from '@switchboard/storage';
import type { ActiveSuppression } from '../contacts/channel-suppression';
import { suppressionKey } from './suppression-list';
import { suppressionModel, type SuppressionDoc } from './suppression.schema';

/** The workspace suppression list: one versioned document per address, events in its outbox. */
@Injectable()
export class SuppressionsRepository implements OnModuleInit {
  readonly model: Model<SuppressionDoc>;
  private readonly store: VersionedStore<SuppressionDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = suppressionModel(db.connection);
    this.store = new VersionedStore(this.model, db.connection, { entity: 'suppression' });
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.store.relayWith(this.wiring.startOutboxRelay([this.model]));
  }

  /** Inserts a new entry; false when the address is already listed (the caller mutates it). */
  async insert(doc: SuppressionDoc, events: EventEnvelope[]): Promise<boolean> {
    try {
      await this.store.create(doc, events);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  findById(workspaceId: string, id: string): Promise<SuppressionDoc | null> {
    return this.store.load(workspaceId, id);
  }

  findByAddress(
    workspaceId: string,
    channelType: string,
    address: string,
  ): Promise<SuppressionDoc | null> {
    return this.model
      .findOne(
        { workspaceId, channelType: channelType as SuppressionDoc['channelType'], address },
        { outbox: 0, outboxPending: 0 },
      )
      .lean<SuppressionDoc>()
      .exec();
  }

  mutate(
    workspaceId: string,
    id: string,
    change: (current: SuppressionDoc) => Change<SuppressionDoc>,
  ): Promise<{ doc: SuppressionDoc; changed: boolean }> {
    return this.store.mutate(workspaceId, id, change);
  }

  page(
    filter: QueryFilter<SuppressionDoc> & { workspaceId: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<SuppressionDoc>> {
    return paginate(this.model, filter, { sortField: 'createdAt', direction: -1, limit, cursor });
  }

  /**
   * The active suppressions among the addresses (`suppressionKey`s), by key: what a contact's new
   * channels are checked against. One equality query per family, on the unique index.
   */
  async activeFor(workspaceId: string, keys: string[]): Promise<Map<string, ActiveSuppression>> {
    const found = new Map<string, ActiveSuppression>();
    if (keys.length === 0) return found;
    const byFamily = new Map<string, string[]>();
    for (const key of keys) {
      const colon = key.indexOf(':');
      const family = key.slice(0, colon);
      byFamily.set(family, [...(byFamily.get(family) ?? []), key.slice(colon + 1)]);
    }
    for (const [channelType, addresses] of byFamily) {
      const docs = await this.model
        .find(
          {
            workspaceId,
            channelType: channelType as SuppressionDoc['channelType'],
            address: addresses.length === 1 ? addresses[0] : trusted({ $in: addresses }),
            status: 'active',
          },
          { channelType: 1, address: 1, reason: 1, suppressedAt: 1 },
        )
        .lean<Pick<SuppressionDoc, 'channelType' | 'address' | 'reason' | 'suppressedAt'>[]>();
      for (const d of docs) {
        found.set(suppressionKey(d.channelType, d.address), {
          reason: d.reason,
          at: new Date(d.suppressedAt).toISOString(),
        });
      }
    }
    return found;
  }
}
