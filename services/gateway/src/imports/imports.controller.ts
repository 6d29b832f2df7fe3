import { Readable } from 'node:stream';
import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ImportAccepted,
  ImportIdParams,
  ImportReport,
  ImportReportQuery,
  RPC,
  StartImportQuery,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { settleStreamedIdempotency } from '../http/idempotency.interceptor';
import { Operation, ValidParams, ValidQuery } from '../http/route-contract';
import { ImportUploads } from './import-uploads.service';

const CsvFile = z
  .string()
  .describe(
    'The CSV file (UTF-8, first line the header). Columns map to contact fields by name ' +
      '(firstName/first_name/First Name, lastName, displayName/name, email, phone, whatsapp, sms, ' +
      'linkedin, telegram, tags (; or , separated), stage, source, leadSource, ownerId, locale, ' +
      'timeZone, birthDate, address fields, companyId, title, custom.<slug>, metadata.<key>) or ' +
      'by the `mapping` query parameter; other columns are ignored.',
  );

/** `/v1/imports`: CSV imports of contacts, run by the contacts service as a background job. */
@Controller('v1/imports')
export class ImportsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly uploads: ImportUploads,
  ) {}

  @Post()
  @HttpCode(202)
  @RequiresCapability('contacts.import')
  @Operation({
    summary:
      'Import contacts from a CSV file (text/csv, streamed; IMPORT_BODY_LIMIT_BYTES, 200 MB by ' +
      'default). Runs in the background: poll GET /v1/imports/{id}. onDuplicate: skip | merge ' +
      '(fill blanks, add tags and channels) | overwrite (the row’s fields replace); an ' +
      'onDuplicate column overrides it per row. A company column (name or domain) links the ' +
      'company; onMissingCompany: create (default) | skip | fail when none matches',
    response: ImportAccepted,
    consumes: 'text/csv',
    body: CsvFile,
  })
  async start(
    @Ctx() ctx: RequestContext,
    @ValidQuery(StartImportQuery) query: StartImportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportAccepted> {
    let objectName: string;
    let sha256: string;
    try {
      ({ name: objectName, sha256 } = await this.uploads.store(ctx.workspaceId, request));
    } catch (err) {
      // The rest of a refused upload is not worth reading: close instead of draining it.
      void reply.header('connection', 'close');
      throw err;
    }
    try {
      // Idempotency-Key: the same file again replays the first answer (by content, not length).
      const replay = await settleStreamedIdempotency(request, sha256);
      if (replay) {
        await this.uploads.discard(objectName);
        return replay.body as ImportAccepted;
      }
      return await this.rpc.call(RPC.contacts.importStart, ctx, {
        objectName,
        onDuplicate: query.onDuplicate,
        onMissingCompany: query.onMissingCompany,
        delimiter: query.delimiter,
        ...(query.mapping ? { mapping: query.mapping } : {}),
      });
    } catch (err) {
      await this.uploads.discard(objectName);
      throw err;
    }
  }

  @Get(':id')
  @RequiresCapability('contacts.import')
  @Operation({
    summary:
      'An import: status, counts and a page of its per-row report (limit, cursor, status filter)',
    response: ImportReport,
  })
  get(
    @Ctx() ctx: RequestContext,
    @ValidParams(ImportIdParams) params: { id: string },
    @ValidQuery(ImportReportQuery) query: ImportReportQuery,
  ): Promise<ImportReport> {
    return this.rpc.call(RPC.contacts.importGet, ctx, { id: params.id, ...query });
  }

  @Get(':id/failed.csv')
  @RequiresCapability('contacts.import')
  @Operation({
    summary: 'The failed rows of an import as CSV: the original columns, then row and error',
    response: z.string().describe('CSV: the original header plus row and error'),
    produces: 'text/csv',
  })
  async failedRows(
    @Ctx() ctx: RequestContext,
    @ValidParams(ImportIdParams) params: { id: string },
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const call = (cursor?: string) =>
      this.rpc.call(RPC.contacts.importFailedRows, ctx, {
        id: params.id,
        ...(cursor ? { cursor } : {}),
      });
    // The first piece before any byte is sent: an unknown import still answers 404.
    const first = await call();
    const pieces = Readable.from(
      (async function* () {
        let piece = first;
        yield piece.csv;
        while (piece.nextCursor) {
          piece = await call(piece.nextCursor);
          yield piece.csv;
        }
      })(),
      { objectMode: false, highWaterMark: 1 },
    );
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${params.id}-failed.csv"`)
      .send(pieces);
  }
}
