import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ExportContactsQuery, type RequestContext } from '@switchboard/contracts';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidQuery } from '../http/route-contract';
import { ContactsExportService } from './contacts-export.service';

/** `GET /v1/contacts/export`: its own controller, as it writes the raw (streamed) response. */
@Controller('v1/contacts')
export class ContactsExportController {
  constructor(private readonly exports: ContactsExportService) {}

  @Get('export')
  @RequiresCapability('contacts.export')
  @Operation({
    summary:
      'Export the filtered contacts as CSV (streamed; same filters and sort as the list, no ' +
      'limit); recorded (export.started before the first byte, export.completed at the end) ' +
      'with the audit tag contacts.pii_movement',
    response: z
      .string()
      .describe(
        'CSV, one header row then one row per contact: id, names, primary email and phone, ' +
          'tags (;-separated), stage, owner, status, dates, then custom.<slug> columns',
      ),
    produces: 'text/csv',
  })
  async export(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ExportContactsQuery) query: ExportContactsQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const csv = await this.exports.open(ctx, query);
    const day = new Date().toISOString().slice(0, 10);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="contacts-${day}.csv"`);
    void reply.send(csv);
  }
}
