import { z } from 'zod';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from '../common/pagination';
import { Id, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

/**
 * CSV imports of contacts (`POST /v1/imports`). The file travels from the gateway to the
 * contacts service through a NATS JetStream object store bucket (never in one message); the
 * contacts service runs the import as a BullMQ job and keeps a per-row report.
 */

/** Object store bucket of uploaded import files (prefixed like streams per environment). */
export const IMPORT_UPLOADS_BUCKET = 'contact-imports';
/** Uploads left behind (an import that never ran to its end) expire after a week. */
export const IMPORT_UPLOADS_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** What a row whose contact already exists (same dedup key, in the workspace or the file) does. */
export const ImportOnDuplicate = z.enum(['skip', 'merge', 'overwrite']);
export type ImportOnDuplicate = z.infer<typeof ImportOnDuplicate>;

/**
 * What a `company` cell naming no active company of the workspace (by name, case- and
 * accent-insensitively, or by domain) does: `create` the company (default), `skip` the link
 * (the contact is imported without it) or `fail` the row.
 */
export const ImportOnMissingCompany = z.enum(['create', 'skip', 'fail']);
export type ImportOnMissingCompany = z.infer<typeof ImportOnMissingCompany>;

/** Fields a CSV column can feed (besides `custom.<slug>` and `metadata.<key>`); `ignore` drops it. */
export const IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'displayName',
  'email',
  'phone',
  'sms',
  'whatsapp',
  'linkedin',
  'telegram',
  'other',
  'tags',
  'stage',
  'source',
  'leadSource',
  'ownerId',
  'locale',
  'timeZone',
  'birthMonth',
  'birthDay',
  /** `YYYY-MM-DD`, `--MM-DD`, `MM-DD` or `MM/DD`: sets birthMonth and birthDay. */
  'birthDate',
  'address.line1',
  'address.line2',
  'address.city',
  'address.state',
  'address.postalCode',
  'address.country',
  'companyId',
  /** Free text: a company name or domain, linked (and created, per `onMissingCompany`). */
  'company',
  'title',
  /** Per row: `skip`, `merge` or `overwrite`, overriding the import's `onDuplicate`. */
  'onDuplicate',
  'leadId',
  'linkedUserId',
  /**
   * Consent (decision 0120), recorded with source `CSV Import`: `consent` applies to every
   * channel of the row, `consent.<type>` to that type's channels; cells `opted_in` / `yes` /
   * `true` or `opted_out` / `no` / `false` (blank or `unknown`: nothing recorded). `consentAt`
   * is when it was given (default: the import's time; never in the future), `consentIp` where.
   */
  'consent',
  'consent.email',
  'consent.phone',
  'consent.sms',
  'consent.whatsapp',
  'consent.linkedin',
  'consent.telegram',
  'consent.other',
  'consentAt',
  'consentIp',
  'ignore',
] as const;

/** Where a column goes: a field above, `custom.<slug>` or `metadata.<key>`. */
export const ImportTarget = z.union([
  z.enum(IMPORT_FIELDS),
  z.string().regex(/^custom\.[a-z][a-z0-9_]{0,63}$/, 'custom.<slug>'),
  z.string().regex(/^metadata\.[^$.][^.]{0,99}$/, 'metadata.<key> (no $ or dot)'),
]);
export type ImportTarget = z.infer<typeof ImportTarget>;

/**
 * Explicit column mapping `{ "<CSV header>": "<target>" }`; headers match trimmed and
 * case-insensitively. Columns it does not name are mapped by their well-known names.
 */
export const ImportMapping = z
  .record(z.string().min(1).max(200), ImportTarget)
  .refine((m) => Object.keys(m).length <= 500, 'at most 500 mapped columns');
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportDelimiter = z.enum([',', ';', '\t', '|']);

/** `POST /v1/imports?onDuplicate=&mapping=&delimiter=` (the body is the CSV file, `text/csv`). */
export const StartImportQuery = z
  .object({
    onDuplicate: ImportOnDuplicate.default('skip'),
    onMissingCompany: ImportOnMissingCompany.default('create'),
    /** URL-encoded JSON of an ImportMapping. */
    mapping: z
      .string()
      .max(20_000)
      .describe(
        'JSON object {"<CSV header>": "<field>"} (URL-encoded): a field name such as email, ' +
          'firstName, tags, address.city, custom.<slug>, metadata.<key>, or ignore. Headers ' +
          'match trimmed and case-insensitively; columns it does not name map by their names.',
      )
      .transform((s, ctx) => {
        try {
          return JSON.parse(s) as unknown;
        } catch {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'mapping must be JSON' });
          return z.NEVER;
        }
      })
      .pipe(ImportMapping)
      .optional(),
    delimiter: ImportDelimiter.default(','),
  })
  .strict();
export type StartImportQuery = z.infer<typeof StartImportQuery>;

/** `rpc.contacts.import.start`: the gateway has stored the file as `objectName`. */
export const StartImportInput = z
  .object({
    objectName: z.string().regex(/^[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}$/),
    onDuplicate: ImportOnDuplicate,
    onMissingCompany: ImportOnMissingCompany.default('create'),
    mapping: ImportMapping.optional(),
    delimiter: ImportDelimiter.default(','),
  })
  .strict();
export type StartImportInput = z.infer<typeof StartImportInput>;

export const ImportStatus = z.enum(['queued', 'running', 'completed', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

/** 202 answer of `POST /v1/imports`. */
export const ImportAccepted = z.object({ id: Id, status: ImportStatus });
export type ImportAccepted = z.infer<typeof ImportAccepted>;

/**
 * What happened to one data row (row 1 is the first line after the header): `created`, or
 * for a duplicate `skipped` / `updated` / `unchanged` (merge or overwrite found nothing to
 * change), or `failed` with the reason.
 */
export const ImportRowStatus = z.enum(['created', 'updated', 'unchanged', 'skipped', 'failed']);
export type ImportRowStatus = z.infer<typeof ImportRowStatus>;

export const ImportRow = z.object({
  row: z.number().int().min(1),
  status: ImportRowStatus,
  error: z.string().optional(),
  /** The contact created or updated, or the existing duplicate. */
  contactId: Id.optional(),
});
export type ImportRow = z.infer<typeof ImportRow>;

/** How a CSV header was understood: the target field, or null when the column is ignored. */
export const ImportColumn = z.object({ header: z.string(), field: z.string().nullable() });
export type ImportColumn = z.infer<typeof ImportColumn>;

/** Counts of an import: `processed` = `succeeded` + `failed`; `total` is known once counted. */
const ImportCounts = {
  total: z.number().int().nullable(),
  processed: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
};

/** `GET /v1/imports/:id`: the import and one page of its per-row report (`nextCursor`). */
export const ImportReport = z.object({
  id: Id,
  status: ImportStatus,
  onDuplicate: ImportOnDuplicate,
  onMissingCompany: ImportOnMissingCompany,
  ...ImportCounts,
  /** Bytes of the file read so far, and its size: progress before `total` is known. */
  bytesRead: z.number().int(),
  bytes: z.number().int(),
  columns: z.array(ImportColumn),
  /** Why the whole import failed (unreadable file, …); row failures are in `rows`. */
  error: z.string().nullable(),
  createdBy: Actor,
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  rows: z.array(ImportRow),
  nextCursor: z.string().nullable(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportIdParams = z.object({ id: Id }).strict();

/** `?limit=&cursor=&status=`: a page of the per-row report, optionally of one row status. */
export const ImportReportQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
    cursor: z
      .string()
      .regex(/^\d{1,9}$/, 'not a cursor this API issued')
      .optional(),
    status: ImportRowStatus.optional(),
  })
  .strict();
export type ImportReportQuery = z.infer<typeof ImportReportQuery>;

/** One piece of the failed-rows CSV (header line first); the gateway streams the pieces. */
export const FailedRowsChunk = z.object({ csv: z.string(), nextCursor: z.string().nullable() });
export type FailedRowsChunk = z.infer<typeof FailedRowsChunk>;

/** `rpc.contacts.import.*`: spread into CONTACTS_RPC. */
export const CONTACT_IMPORT_RPC = {
  importStart: {
    subject: 'rpc.contacts.import.start',
    input: StartImportInput,
    output: ImportAccepted,
  },
  importGet: {
    subject: 'rpc.contacts.import.get',
    input: ImportReportQuery.extend({ id: Id }),
    output: ImportReport,
  },
  importFailedRows: {
    subject: 'rpc.contacts.import.failedRows',
    input: z
      .object({
        id: Id,
        /** `<batch>` or `<batch>.<row>` (a piece that stopped mid-batch). */
        cursor: z
          .string()
          .regex(/^\d{1,9}(\.\d{1,12})?$/)
          .optional(),
      })
      .strict(),
    output: FailedRowsChunk,
  },
} as const;

/**
 * `crm.<ws>.import.completed` v1: an import finished (`completed`, or `failed` as a whole),
 * with its counts. Tagged for the audit log: bulk movement of personal data.
 */
export const ImportCompletedV1 = z.object({
  importId: Id,
  status: z.enum(['completed', 'failed']),
  onDuplicate: ImportOnDuplicate,
  ...ImportCounts,
  total: z.number().int(),
  error: z.string().nullable(),
  auditTags: z.array(z.string()),
});
export type ImportCompletedV1 = z.infer<typeof ImportCompletedV1>;

/** Import events of the catalogue (see events/event-catalog.ts). */
export const IMPORT_EVENTS = {
  'import.completed': { aggregate: 'import', version: 1, data: ImportCompletedV1 },
} as const;
