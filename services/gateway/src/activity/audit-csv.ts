import type { AuditEntry } from '@switchboard/contracts';

/** Columns of `GET /v1/audit/export`, in order. */
export const AUDIT_CSV_HEADER = [
  'occurredAt',
  'action',
  'actorType',
  'actorId',
  'targetType',
  'targetId',
  'changes',
  'tags',
  'requestId',
];

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, tab, carriage return first) is prefixed with `'`: audit values come from users.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const auditCsvRow = (e: AuditEntry): string =>
  [
    e.occurredAt,
    e.action,
    e.actor.type,
    e.actor.id,
    e.target.type,
    e.target.id,
    JSON.stringify(e.changes),
    e.tags.join(';'),
    e.requestId ?? '',
  ]
    .map(csvCell)
    .join(',');
