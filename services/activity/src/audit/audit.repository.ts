import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { QueryFilter, Model } from 'mongoose';
import type { AuditQuery, Page } from '@switchboard/contracts';
import { MongoDatabase } from '@switchboard/runtime';
import { insertManyIfAbsent, paginate, trusted } from '@switchboard/storage';
import { auditEntryModel, type AuditEntryDoc } from './audit-entry.schema';

@Injectable()
export class AuditRepository implements OnModuleInit {
  readonly model: Model<AuditEntryDoc>;

  constructor(db: MongoDatabase) {
    this.model = auditEntryModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** Idempotent by event id: a redelivered event is skipped. */
  insertMany(entries: AuditEntryDoc[]): Promise<Set<string>> {
    return insertManyIfAbsent(this.model, entries);
  }

  page(workspaceId: string, q: AuditQuery): Promise<Page<AuditEntryDoc>> {
    const range = {
      ...(q.from ? { $gte: new Date(q.from) } : {}),
      ...(q.to ? { $lte: new Date(q.to) } : {}),
    };
    const filter: QueryFilter<AuditEntryDoc> = {
      workspaceId,
      ...(q.targetId ? { targetId: q.targetId } : {}),
      ...(q.targetType ? { targetType: q.targetType } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.tag ? { tags: q.tag } : {}),
      ...(Object.keys(range).length > 0 ? { occurredAt: trusted(range) } : {}),
    };
    return paginate(this.model, filter, {
      sortField: 'occurredAt',
      direction: -1,
      limit: q.limit,
      cursor: q.cursor,
    });
  }
}
