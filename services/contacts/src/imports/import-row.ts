import {
  CreateContactInput,
  type ImportColumn,
  type ImportOnDuplicate,
  type RequestContext,
} from '@switchboard/contracts';
import { assertMayAssignOwner, assertMaySystemTag, assertMayTag } from '@switchboard/access';
import { AppError, fieldErrors } from '@switchboard/errors';
import type { CompanyMatches } from '../companies/company-directory';
import { buildContactDoc } from '../contacts/contact-builder';
import type { ContactDoc } from '../contacts/contact.schema';
import type { ContactRules } from '../settings/contact-rules';
import type { CsvRecord } from './import-csv';
import type { CompanyResolution } from './import-companies';
import { describeErrors, rowInput, type RowExtras } from './import-mapping';
import { withRowConsent, type RowConsent } from './import-consent';
import type { ImportRowDoc } from './import.schema';

/** A data row read and checked on its own: the input it stands for, or why it fails. */
export type ReadRow =
  | {
      row: number;
      values: string[];
      input: CreateContactInput;
      extras: RowExtras;
      headerOf: HeaderOf;
      consent?: RowConsent;
    }
  | { row: number; values: string[]; error: string };

/** A valid row with the contact it would create. */
export interface Candidate {
  row: number;
  values: string[];
  input: CreateContactInput;
  doc: ContactDoc;
  headerOf: HeaderOf;
  /** The row's own duplicate action, when it has one. */
  onDuplicate?: ImportOnDuplicate;
}

type HeaderOf = (path: string) => string | undefined;

/**
 * The contact id of a row: the import's id (a UUIDv7) with its last 12 hex digits replaced by
 * the row number. Unique per import and row, time-ordered like any id, and the same on every
 * attempt, so a batch replayed after a crash collides on `_id` instead of inserting twice.
 */
export function importRowId(importId: string, row: number): string {
  return importId.slice(0, -12) + row.toString(16).padStart(12, '0');
}

/**
 * The id of the contact.created event of an imported contact: the contact's id as a UUID of
 * version 8 (custom) instead of 7, so no generated id has it. The same on every attempt, so a
 * batch whose events are staged twice (a crash between events and report) publishes the same
 * ids again, and JetStream keeps one of each.
 */
export const importEventId = (contactId: string): string =>
  `${contactId.slice(0, 14)}8${contactId.slice(15)}`;

/** An error's message for the report, naming the CSV columns of field errors. */
export function rowError(err: unknown, headerOf: HeaderOf = () => undefined): string {
  if (!(err instanceof AppError)) throw err;
  return err.errors?.length ? describeErrors(err.errors, headerOf) : err.message;
}

/** Reads and validates a record against the contract and the workspace's rules. */
export function readRow(record: CsvRecord, columns: ImportColumn[], rules: ContactRules): ReadRow {
  if ('error' in record) return { row: record.row, values: [], error: record.error };
  const { row, values } = record;
  const extra = values.slice(columns.length).filter((v) => v.trim() !== '');
  if (extra.length > 0) {
    return {
      row,
      values,
      error: `${values.length} cells, the header has ${columns.length} (an unquoted delimiter?)`,
    };
  }
  const read = rowInput(values, columns, (slug) => rules.customFields.definition(slug)?.type);
  if (read.errors.length > 0) {
    return { row, values, error: describeErrors(read.errors, read.headerOf) };
  }
  const parsed = CreateContactInput.safeParse(read.input);
  if (!parsed.success) {
    return { row, values, error: describeErrors(fieldErrors(parsed.error), read.headerOf) };
  }
  const ruleErrors = rules.createErrors(parsed.data);
  if (ruleErrors.length > 0) {
    return { row, values, error: describeErrors(ruleErrors, read.headerOf) };
  }
  return {
    row,
    values,
    input: parsed.data,
    extras: read.extras,
    headerOf: read.headerOf,
    ...(read.consent ? { consent: read.consent } : {}),
  };
}

/** The contact a valid row creates (company links checked, domain matches added). */
export function candidateOf(
  read: Extract<ReadRow, { input: CreateContactInput }>,
  c: {
    importId: string;
    ctx: RequestContext;
    rules: ContactRules;
    companies: CompanyMatches;
    /** What the batch's `company` cells resolved to. */
    companyOf?: (cell: string) => CompanyResolution | undefined;
    now: Date;
  },
): Candidate | ImportRowDoc {
  try {
    assertMayAssignOwner(c.ctx, read.input.ownerId, 'contact');
    assertMayTag(c.ctx, read.input.tags, 'create');
    assertMaySystemTag(c.ctx, [], read.input.tags ?? []);
    const { links, errors } = c.companies.linksFor(withCompanyCell(read, c.companyOf));
    if (errors.length > 0) throw AppError.validation('invalid company link', errors);
    const input = { ...read.input, source: read.input.source ?? 'import', companyLinks: links };
    const doc = buildContactDoc(input, {
      id: importRowId(c.importId, read.row),
      workspaceId: c.ctx.workspaceId,
      actor: c.ctx.actor,
      now: c.now,
      dedupRule: c.rules.dedupRule,
    });
    const channels = withRowConsent(doc.channels, read.consent, c.now);
    return {
      row: read.row,
      values: read.values,
      input,
      doc: channels === doc.channels ? doc : { ...doc, channels },
      headerOf: read.headerOf,
      ...(read.extras.onDuplicate ? { onDuplicate: read.extras.onDuplicate } : {}),
    };
  } catch (err) {
    return {
      row: read.row,
      status: 'failed',
      error: rowError(err, read.headerOf),
      values: read.values,
    };
  }
}

/**
 * The row's input with the link its `company` cell resolved to (first, with the row's title),
 * unless a `companyId` column links that company already. Throws when the cell fails the row.
 */
function withCompanyCell(
  read: Extract<ReadRow, { input: CreateContactInput }>,
  companyOf: ((cell: string) => CompanyResolution | undefined) | undefined,
): CreateContactInput {
  const cell = read.extras.company;
  const resolved = cell ? companyOf?.(cell) : undefined;
  if (!resolved) return read.input;
  if (resolved.companyId === null) {
    if (!resolved.error) return read.input;
    throw AppError.validation('company not found', [{ path: 'company', message: resolved.error }]);
  }
  const links = read.input.companyLinks ?? [];
  if (links.some((l) => l.companyId === resolved.companyId)) return read.input;
  const link = {
    companyId: resolved.companyId,
    ...(read.extras.title ? { title: read.extras.title } : {}),
  };
  return { ...read.input, companyLinks: [link, ...links] };
}
