import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope, ImportColumn, RequestContext } from '@switchboard/contracts';
import {
  assertMayAssignOwner,
  assertMaySystemTag,
  assertMayTag,
  assertMayWrite,
} from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { buildEvent } from '@switchboard/messaging';
import { CONFIG } from '@switchboard/runtime';
import type { ContactsConfig } from '../config';
import { CompanyDirectory } from '../companies/company-directory';
import { fieldChanges, updatedEvents } from '../contacts/contact-events';
import { toContact } from '../contacts/contact.mapper';
import { applyPatch } from '../contacts/contact-patch';
import { assertActive, stamped } from '../contacts/contact-writes';
import { ContactsService } from '../contacts/contacts.service';
import type { ContactRules } from '../settings/contact-rules';
import { ContactRulesService } from '../settings/contact-rules.service';
import { CustomFieldTypesService } from '../settings/custom-field-types.service';
import type { CsvRecord } from './import-csv';
import { ImportCompanies, type CompanyResolution } from './import-companies';
import { ImportContactsRepository } from './import-contacts.repository';
import { withImportedConsent } from './import-consent';
import { duplicatePatch } from './import-duplicates';
import { candidateOf, importEventId, readRow, rowError, type Candidate } from './import-row';
import {
  batchId,
  type ImportBatchDoc,
  type ImportCounts,
  type ImportDoc,
  type ImportRowDoc,
} from './import.schema';
import { ImportsRepository } from './imports.repository';

/** A batch whose contacts are written, with the report that remains to be stored. */
export interface WrittenBatch {
  report: ImportBatchDoc;
  events: EventEnvelope[];
}

/** A batch checked and built, its contacts not written yet. */
export interface PreparedBatch {
  imp: ImportDoc;
  batch: number;
  ctx: RequestContext;
  rules: ContactRules;
  /** Valid rows, each with the contact it would create. */
  candidates: Candidate[];
  /** The first valid row of each dedup key: what the insert tries. */
  fresh: Candidate[];
  /** Outcomes known already (rows that failed their checks). */
  outcomes: Map<number, ImportRowDoc>;
  now: Date;
}

/** The caller's context, as the import was started. */
export const callerContext = (imp: ImportDoc): RequestContext => ({
  workspaceId: imp.workspaceId,
  actor: imp.caller.actor,
  role: imp.caller.role,
  capabilities: imp.caller.capabilities,
  scope: imp.caller.scope,
  requestId: imp.caller.requestId,
});

/** Counts of report rows. */
export function countsOf(rows: ImportRowDoc[]): ImportCounts {
  const n = (s: ImportRowDoc['status']) => rows.filter((r) => r.status === s).length;
  const failed = n('failed');
  return {
    processed: rows.length,
    succeeded: rows.length - failed,
    failed,
    created: n('created'),
    updated: n('updated'),
    unchanged: n('unchanged'),
    skipped: n('skipped'),
  };
}

/**
 * Applies one batch of rows: each row validated on its own; new contacts in one unordered
 * insert; duplicates (of a stored contact, or of an earlier row of the file) skipped, merged or
 * overwritten one by one through `ContactsService.mutate`; then the batch report with the
 * `contact.created` events of the batch. Safe to replay: contact ids derive from the row, and
 * the report is written once.
 */
@Injectable()
export class ImportBatchService {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly writes: ImportContactsRepository,
    private readonly contacts: ContactsService,
    private readonly rules: ContactRulesService,
    private readonly companies: CompanyDirectory,
    private readonly companyCells: ImportCompanies,
    private readonly fieldTypes: CustomFieldTypesService,
    @Inject(CONFIG) private readonly config: ContactsConfig,
  ) {}

  /** Writes and reports one batch. */
  async apply(
    imp: ImportDoc,
    columns: ImportColumn[],
    batch: number,
    records: CsvRecord[],
  ): Promise<ImportCounts> {
    return this.report(await this.write(imp, columns, batch, records));
  }

  /**
   * The contacts of a batch: validated, inserted, duplicates applied. Its report is left to
   * `report`, so that the next batch can be written while this one is being reported.
   */
  async write(
    imp: ImportDoc,
    columns: ImportColumn[],
    batch: number,
    records: CsvRecord[],
  ): Promise<WrittenBatch> {
    return this.commit(await this.prepare(imp, columns, batch, records));
  }

  /**
   * Reads and checks the rows of a batch and builds their contacts, without writing anything,
   * so that it can run while the previous batch is being written.
   */
  async prepare(
    imp: ImportDoc,
    columns: ImportColumn[],
    batch: number,
    records: CsvRecord[],
  ): Promise<PreparedBatch> {
    const ctx = callerContext(imp);
    const outcomes = new Map<number, ImportRowDoc>();
    const rules = await this.rules.forWorkspace(imp.workspaceId);
    const read = records.map((r) => readRow(r, columns, rules));
    const valid = read.filter((r) => 'input' in r);
    // Company cells first (they may create companies), then the links they and emails make.
    const cells = valid.flatMap((r) => (r.extras.company ? [r.extras.company] : []));
    const companyOf =
      cells.length > 0
        ? await this.companyCells.resolve(ctx, cells, imp.onMissingCompany ?? 'create')
        : new Map<string, CompanyResolution>();
    const companies = await this.companies.forContacts(imp.workspaceId, [
      ...valid.map((r) => r.input),
      {
        companyLinks: [...companyOf.values()].flatMap((r) =>
          r.companyId ? [{ companyId: r.companyId }] : [],
        ),
      },
    ]);
    const now = new Date();
    const candidates: Candidate[] = [];
    for (const r of read) {
      if ('error' in r) {
        outcomes.set(r.row, { row: r.row, status: 'failed', error: r.error, values: r.values });
        continue;
      }
      const c = candidateOf(r, {
        importId: imp._id,
        ctx,
        rules,
        companies,
        companyOf: (cell) => companyOf.get(cell),
        now,
      });
      if ('doc' in c) candidates.push(c);
      else outcomes.set(c.row, c);
    }
    // Addresses on the suppression list arrive suppressed (decision 0121).
    const listed = await this.contacts.withListedSuppressionsMany(
      imp.workspaceId,
      candidates.map((c) => c.doc),
    );
    listed.forEach((doc, i) => (candidates[i].doc = doc));

    // The first row of each dedup key goes into the insert; later ones are its duplicates.
    const first = new Map<string, Candidate>();
    const fresh: Candidate[] = [];
    for (const c of candidates) {
      if (first.has(c.doc.dedupKey)) continue;
      first.set(c.doc.dedupKey, c);
      fresh.push(c);
    }
    return { imp, batch, ctx, rules, candidates, fresh, outcomes, now };
  }

  /** Writes a prepared batch: after the previous batch's commit, never beside it. */
  async commit(prepared: PreparedBatch): Promise<WrittenBatch> {
    const { imp, batch, ctx, rules, candidates, fresh, outcomes, now } = prepared;
    const refused = await this.writes.insertNew(fresh.map((c) => c.doc));
    this.fault(batch);
    const refusedRows = fresh.filter((_, i) => refused.has(i));
    // A refused `_id` is this very row, inserted by an earlier attempt of this batch.
    const ours = await this.writes.existing(
      imp.workspaceId,
      refusedRows.map((c) => c.doc._id),
    );
    const holders = await this.writes.holders(
      imp.workspaceId,
      refusedRows.filter((c) => !ours.has(c.doc._id)).map((c) => c.doc.dedupKey),
    );

    const created = fresh.filter((c, i) => !refused.has(i) || ours.has(c.doc._id));
    const contactOfKey = new Map<string, string>();
    for (const c of created) {
      outcomes.set(c.row, { row: c.row, status: 'created', contactId: c.doc._id });
      contactOfKey.set(c.doc.dedupKey, c.doc._id);
    }
    for (const [key, id] of holders) contactOfKey.set(key, id);

    // Duplicates, in row order (a later row sees what an earlier one wrote).
    for (const c of candidates.filter((c) => !outcomes.has(c.row))) {
      const target = contactOfKey.get(c.doc.dedupKey);
      outcomes.set(
        c.row,
        target
          ? await this.duplicate(ctx, rules, c.onDuplicate ?? imp.onDuplicate, c, target)
          : failed(c, 'its contact could not be stored (a concurrent change); import it again'),
      );
    }

    const rows = [...outcomes.values()].sort((a, b) => a.row - b.row);
    const counts = countsOf(rows);
    const events = created.map((c) => ({
      ...buildEvent('contact.created', {
        workspaceId: imp.workspaceId,
        actor: ctx.actor,
        aggregateId: c.doc._id,
        aggregateVersion: 1,
        occurredAt: c.doc.createdAt,
        data: { contact: toContact(c.doc) },
      }),
      id: importEventId(c.doc._id),
    }));
    const report = {
      _id: batchId(imp._id, batch),
      workspaceId: imp.workspaceId,
      importId: imp._id,
      batch,
      rows,
      hasFailures: counts.failed > 0,
      ...counts,
      createdAt: now,
    };
    return { report, events };
  }

  /**
   * Stores the batch's report with its contact.created events, once: a batch reported by an
   * earlier attempt that died before its checkpoint keeps that report. Its counts.
   */
  async report({ report, events }: WrittenBatch): Promise<ImportCounts> {
    const completed = await this.fieldTypes.complete(report.workspaceId, events);
    if (await this.imports.insertBatch(report, completed)) return countsOf(report.rows);
    const prior = await this.imports.findBatch(report.workspaceId, report.importId, report.batch);
    return countsOf((prior ?? report).rows);
  }

  /**
   * Test-only (`SWITCHBOARD_FAULT=crash_mid_import`): the process dies in the second batch, its
   * contacts written but not reported, the worst moment for a replay.
   */
  private fault(batch: number): void {
    if (this.config.SWITCHBOARD_FAULT === 'crash_mid_import' && batch === 1) {
      process.kill(process.pid, 'SIGKILL');
    }
  }

  /** A row whose contact exists: skip, or merge / overwrite it like a PATCH would. */
  private async duplicate(
    ctx: RequestContext,
    rules: ContactRules,
    mode: ImportDoc['onDuplicate'],
    c: Candidate,
    contactId: string,
  ): Promise<ImportRowDoc> {
    if (mode === 'skip') return { row: c.row, status: 'skipped', contactId };
    let changed = false;
    try {
      await this.contacts.mutate(ctx.workspaceId, contactId, (doc) => {
        changed = false;
        assertActive(doc);
        assertMayWrite(ctx, doc.ownerId, 'contact');
        const patch = duplicatePatch(doc, c.input, c.doc.channels, mode);
        const now = new Date();
        let patched = doc;
        if (patch) {
          if (patch.ownerId !== undefined) assertMayAssignOwner(ctx, patch.ownerId, 'contact');
          assertMayTag(ctx, patch.tags, 'update');
          const errors = rules.updateErrors(patch);
          if (errors.length > 0) throw AppError.validation('invalid contact', errors);
          patched = applyPatch(doc, patch, { actor: ctx.actor, now, dedupRule: rules.dedupRule });
          assertMaySystemTag(ctx, doc.tags, patched.tags);
        }
        // The row's consent columns apply to the channels the contact has (decision 0120).
        const next = {
          ...patched,
          channels: withImportedConsent(patched.channels, c.doc.channels),
        };
        if (fieldChanges(toContact(doc), toContact(next)).length === 0) return null;
        changed = true;
        return { next: stamped(next, now), events: (n) => updatedEvents(ctx.actor, doc, n) };
      });
    } catch (err) {
      return failed(
        c,
        `duplicate of contact ${contactId}: ${rowError(err, c.headerOf)}`,
        contactId,
      );
    }
    return { row: c.row, status: changed ? 'updated' : 'unchanged', contactId };
  }
}

const failed = (c: Candidate, error: string, contactId?: string): ImportRowDoc => ({
  row: c.row,
  status: 'failed',
  error,
  values: c.values,
  ...(contactId ? { contactId } : {}),
});
