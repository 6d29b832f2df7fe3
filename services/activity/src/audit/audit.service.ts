import { Injectable } from '@nestjs/common';
import type {
  AuditEntry,
  AuditQuery,
  EventEnvelope,
  Page,
  RequestContext,
} from '@switchboard/contracts';
import { auditFromEvent, toAuditEntry } from './audit-entry.mapper';
import { AuditRepository } from './audit.repository';

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** One entry per write event; a redelivered event is already there and skipped. */
  async record(events: EventEnvelope[]): Promise<void> {
    const now = new Date();
    await this.audit.insertMany(
      events.flatMap((e) => {
        const doc = auditFromEvent(e, now);
        return doc ? [doc] : [];
      }),
    );
  }

  async page(ctx: RequestContext, query: AuditQuery): Promise<Page<AuditEntry>> {
    const page = await this.audit.page(ctx.workspaceId, query);
    return { items: page.items.map(toAuditEntry), nextCursor: page.nextCursor };
  }
}
