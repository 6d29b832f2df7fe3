import type { Contact } from '@switchboard/contracts';

/**
 * The columns of a contacts CSV export, in a fixed order, named like the import's well-known
 * fields so that an exported file imports back. Custom fields follow as `custom.<slug>`, in the
 * order of the workspace's definitions (retired ones included: their values are still stored).
 */
export const BASE_EXPORT_COLUMNS = [
  'id',
  'displayName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'tags',
  'stage',
  'ownerId',
  'status',
  'source',
  'leadSource',
  'companyId',
  'title',
  'locale',
  'timeZone',
  'birthMonth',
  'birthDay',
  'address.line1',
  'address.line2',
  'address.city',
  'address.state',
  'address.postalCode',
  'address.country',
  'createdAt',
  'updatedAt',
  'lastTouchAt',
] as const;

/** Several values in one cell (tags, multi-select values). */
export const LIST_SEPARATOR = ';';

export const exportColumns = (customSlugs: string[]): string[] => [
  ...BASE_EXPORT_COLUMNS,
  ...customSlugs.map((slug) => `custom.${slug}`),
];

const primary = (c: Contact, type: 'email' | 'phone'): string =>
  c.channels.find((ch) => ch.type === type && ch.primary)?.value ?? '';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cell).join(LIST_SEPARATOR);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

function columnValue(c: Contact, column: string): unknown {
  if (column.startsWith('custom.')) return c.customFields[column.slice('custom.'.length)];
  if (column.startsWith('address.')) {
    return c.address?.[column.slice('address.'.length) as keyof NonNullable<Contact['address']>];
  }
  switch (column) {
    case 'email':
    case 'phone':
      return primary(c, column);
    case 'companyId':
      return c.companyLinks[0]?.companyId;
    case 'title':
      return c.companyLinks[0]?.title;
    default:
      return (c as unknown as Record<string, unknown>)[column];
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?\d[\d\s().-]*$/;

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (CSV injection):
 * such a text gets a leading `'`. Numbers and phone numbers (`+33 6…`) are left as they are.
 */
export const neutraliseFormula = (text: string): string =>
  FORMULA_START.test(text) && !NUMBER_LIKE.test(text) ? `'${text}` : text;

/** One CSV row of a contact, in `columns` order (unknown columns stay empty). */
export const exportRow = (contact: Contact, columns: string[]): string[] =>
  columns.map((column) => neutraliseFormula(cell(columnValue(contact, column))));
