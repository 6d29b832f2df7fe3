import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Page } from '@switchboard/contracts';
import { MongoDatabase } from '@switchboard/runtime';
import { insertIfAbsent, paginate, trusted } from '@switchboard/storage';
import { timelineEntryModel, type TimelineEntryDoc } from './timeline-entry.schema';

@Injectable()
export class TimelineRepository implements OnModuleInit {
  readonly model: Model<TimelineEntryDoc>;

  constructor(db: MongoDatabase) {
    this.model = timelineEntryModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** Inserts once: a redelivered event hits the same `_id` and is reported as not inserted. */
  async insertOnce(entry: TimelineEntryDoc): Promise<boolean> {
    return insertIfAbsent(this.model, entry);
  }

  page(
    workspaceId: string,
    contactId: string,
    opts: { limit: number; cursor?: string; types?: string[] },
  ): Promise<Page<TimelineEntryDoc>> {
    const filter = {
      workspaceId,
      contactId,
      ...(opts.types && opts.types.length > 0 ? { type: trusted({ $in: opts.types }) } : {}),
    };
    return paginate(this.model, filter, {
      sortField: 'occurredAt',
      direction: -1,
      limit: opts.limit,
      cursor: opts.cursor,
    });
  }
}
