import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  AuditEntry,
  AuditExportQuery,
  AuditQuery,
  PAGE_LIMIT_MAX,
  pageOf,
  RPC,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidQuery } from '../http/route-contract';
import { AUDIT_CSV_HEADER, auditCsvRow, csvCell } from './audit-csv';

/** Entries an export holds at most (pages of PAGE_LIMIT_MAX): bounded memory and time. */
export const AUDIT_EXPORT_MAX = 20_000;

@Controller('v1/audit')
export class AuditController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequiresCapability('audit.read')
  @Operation({
    summary:
      'The audit trail, newest first: every write with actor, target, action and field diff; filters combine',
    response: pageOf(AuditEntry),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(AuditQuery) query: AuditQuery,
  ): Promise<Page<AuditEntry>> {
    return this.rpc.call(RPC.activity.audit, ctx, query);
  }

  @Get('export')
  @RequiresCapability('audit.read')
  @Operation({
    summary:
      'The filtered audit trail as CSV, newest first (same filters as the list, at most ' +
      `${AUDIT_EXPORT_MAX} entries: narrow by time for more)`,
    response: z
      .string()
      .describe(
        'CSV, a header row then one row per entry: occurredAt, action, actorType, actorId, ' +
          'targetType, targetId, changes (JSON), tags (;-separated), requestId',
      ),
    produces: 'text/csv',
  })
  async export(
    @Ctx() ctx: RequestContext,
    @ValidQuery(AuditExportQuery) query: AuditExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lines = [AUDIT_CSV_HEADER.map(csvCell).join(',')];
    let cursor: string | undefined;
    for (let read = 0; read < AUDIT_EXPORT_MAX; read += PAGE_LIMIT_MAX) {
      const page = await this.rpc.call(RPC.activity.audit, ctx, {
        ...query,
        limit: PAGE_LIMIT_MAX,
        ...(cursor ? { cursor } : {}),
      });
      lines.push(...page.items.map(auditCsvRow));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const day = new Date().toISOString().slice(0, 10);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${day}.csv"`)
      .send(`${lines.join('\r\n')}\r\n`);
  }
}
