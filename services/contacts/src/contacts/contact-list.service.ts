import { Injectable } from '@nestjs/common';
import {
  PII_MOVEMENT_AUDIT_TAG,
  type Contact,
  type ExportPage,
  type ExportPageInput,
  type ExportRecord,
  type ListContactsQuery,
  type Page,
  type RecordExportInput,
  type RequestContext,
  type StartExportInput,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent } from '@switchboard/messaging';
import { CustomFieldsRepository } from '../settings/custom-fields.repository';
import { exportColumns, exportRow } from './contact-export';
import { ContactExportRepository } from './contact-export.repository';
import type { ContactExportDoc } from './contact-export.schema';
import { buildContactFilter, customFiltersOf, type CustomFieldKind } from './contact-filter';
import { ContactListRepository } from './contact-list.repository';
import { toContact } from './contact.mapper';

/** Reads over many contacts: the filtered, sorted list and the pages of a CSV export. */
@Injectable()
export class ContactListService {
  constructor(
    private readonly lists: ContactListRepository,
    private readonly exports: ContactExportRepository,
    private readonly customFields: CustomFieldsRepository,
  ) {}

  async list(ctx: RequestContext, query: ListContactsQuery): Promise<Page<Contact>> {
    const kinds = customFiltersOf(query).length > 0 ? await this.kinds(ctx.workspaceId) : {};
    const filter = buildContactFilter(ctx, query, kinds);
    const page = await this.lists.page(filter, query.sort, query.limit, query.cursor);
    return { items: page.items.map(toContact), nextCursor: page.nextCursor };
  }

  /**
   * One page of export rows. The first page fixes the columns (custom fields as defined now);
   * later pages get them back, so a definition added mid-export cannot shift the cells.
   */
  async exportPage(ctx: RequestContext, input: ExportPageInput): Promise<ExportPage> {
    const definitions = await this.customFields.list(ctx.workspaceId, 'contact');
    const kinds = kindsOf(definitions);
    const columns = input.columns ?? exportColumns(definitions.map((d) => d.slug));
    const filter = buildContactFilter(ctx, input.query, kinds);
    const page = await this.lists.page(filter, input.query.sort, input.limit, input.cursor);
    return {
      columns,
      rows: page.items.map((doc) => exportRow(toContact(doc), columns)),
      nextCursor: page.nextCursor,
    };
  }

  /** Custom-field kinds by slug, so `custom.<slug>=` compares numbers and booleans as such. */
  private async kinds(workspaceId: string): Promise<Record<string, CustomFieldKind>> {
    return kindsOf(await this.customFields.list(workspaceId, 'contact'));
  }

  /** Records an export before its first byte, with its audit event, once per export id. */
  async startExport(ctx: RequestContext, input: StartExportInput): Promise<ExportRecord> {
    const now = new Date();
    const event = buildEvent('export.started', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      aggregateId: input.exportId,
      aggregateVersion: 1,
      occurredAt: now,
      data: {
        exportId: input.exportId,
        format: 'csv',
        query: input.query,
        auditTags: [PII_MOVEMENT_AUDIT_TAG],
      },
    });
    const stored = await this.exports.record(
      {
        _id: input.exportId,
        workspaceId: ctx.workspaceId,
        actor: ctx.actor,
        query: JSON.stringify(input.query),
        status: 'started',
        count: 0,
        createdAt: now,
      },
      [event],
    );
    if (!stored) throw AppError.notFound('export', input.exportId);
    return toExportRecord(stored);
  }

  /**
   * Records the end of an export (completed or abandoned) with its audit event, once per export
   * id. An export that was never started (a gateway from before `export.start`) is recorded
   * whole here.
   */
  async recordExport(ctx: RequestContext, input: RecordExportInput): Promise<ExportRecord> {
    const now = new Date();
    const completed = (aggregateVersion: number) =>
      buildEvent('export.completed', {
        workspaceId: ctx.workspaceId,
        actor: ctx.actor,
        aggregateId: input.exportId,
        aggregateVersion,
        occurredAt: now,
        data: {
          exportId: input.exportId,
          status: input.status,
          format: 'csv',
          query: input.query,
          count: input.count,
          auditTags: [PII_MOVEMENT_AUDIT_TAG],
        },
      });
    const started = await this.exports.find(ctx.workspaceId, input.exportId);
    if (started?.status === 'started') {
      const end = await this.exports.finish(
        {
          _id: input.exportId,
          workspaceId: ctx.workspaceId,
          status: input.status,
          count: input.count,
          finishedAt: now,
        },
        [completed(2)],
      );
      if (!end) throw AppError.notFound('export', input.exportId);
      return { ...toExportRecord(started), status: end.status, count: end.count };
    }
    const stored = await this.exports.record(
      {
        _id: input.exportId,
        workspaceId: ctx.workspaceId,
        actor: ctx.actor,
        query: JSON.stringify(input.query),
        status: input.status,
        count: input.count,
        createdAt: now,
      },
      [completed(1)],
    );
    if (!stored) throw AppError.notFound('export', input.exportId);
    return toExportRecord(stored);
  }
}

const toExportRecord = (doc: ContactExportDoc): ExportRecord => ({
  id: doc._id,
  status: doc.status,
  count: doc.count,
  createdAt: new Date(doc.createdAt).toISOString(),
});

const kindsOf = (definitions: Array<{ slug: string; type: CustomFieldKind }>) =>
  Object.fromEntries(definitions.map((d) => [d.slug, d.type])) as Record<string, CustomFieldKind>;
