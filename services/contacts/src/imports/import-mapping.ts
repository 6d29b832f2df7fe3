import {
  CHANNEL_TYPES,
  IMPORT_FIELDS,
  ImportOnDuplicate,
  type ChannelInput,
  type FieldError,
  type ImportColumn,
  type ImportMapping,
} from '@switchboard/contracts';
import { isConsentField, readConsentCell, type RowConsent } from './import-consent';

/**
 * How CSV columns become contact fields. A column is mapped by the explicit mapping if it
 * names it (trimmed, case-insensitive), else by its well-known name (`First Name`,
 * `first_name`, `firstname` alike), `custom.<slug>` or `metadata.<key>`; other columns are
 * ignored (and listed as such in the import's `columns`).
 */
const ALIASES: Record<string, string> = {};
const alias = (field: string, ...names: string[]) => names.forEach((n) => (ALIASES[n] = field));
alias('firstName', 'firstname', 'givenname', 'first', 'forename');
alias('lastName', 'lastname', 'surname', 'familyname', 'last');
alias('displayName', 'displayname', 'name', 'fullname', 'contactname', 'contact');
alias('email', 'email', 'emails', 'emailaddress', 'mail', 'primaryemail');
alias(
  'phone',
  'phone',
  'phones',
  'phonenumber',
  'telephone',
  'tel',
  'mobile',
  'mobilephone',
  'cell',
);
alias('sms', 'sms');
alias('whatsapp', 'whatsapp', 'whatsappnumber');
alias('linkedin', 'linkedin', 'linkedinurl', 'linkedinprofile');
alias('telegram', 'telegram', 'telegramhandle');
alias('other', 'otherchannel');
alias('tags', 'tags', 'tag', 'labels');
alias('stage', 'stage', 'journeystage', 'lifecyclestage', 'lifecycle');
alias('source', 'source');
alias('leadSource', 'leadsource');
alias('ownerId', 'ownerid', 'owner');
alias('locale', 'locale', 'language');
alias('timeZone', 'timezone', 'tz');
alias('birthMonth', 'birthmonth');
alias('birthDay', 'dayofbirth');
alias('birthDate', 'birthday', 'birthdate', 'dateofbirth', 'dob');
alias('address.line1', 'address', 'address1', 'addressline1', 'street', 'line1');
alias('address.line2', 'address2', 'addressline2', 'line2');
alias('address.city', 'city', 'town');
alias('address.state', 'state', 'region', 'province', 'county');
alias('address.postalCode', 'postalcode', 'zip', 'zipcode', 'postcode');
alias('address.country', 'country');
alias('companyId', 'companyid');
alias(
  'company',
  'company',
  'companyname',
  'organization',
  'organisation',
  'org',
  'account',
  'accountname',
  'employer',
);
alias('onDuplicate', 'onduplicate', 'duplicate', 'duplicateaction', 'ifduplicate');
alias('title', 'title', 'jobtitle', 'position');
alias('leadId', 'leadid');
alias('linkedUserId', 'linkeduserid');
alias('consent', 'consent', 'optin', 'marketingconsent', 'consentstatus');
alias('consent.email', 'emailconsent', 'consentemail', 'emailoptin');
alias('consent.phone', 'phoneconsent', 'consentphone', 'phoneoptin');
alias('consent.sms', 'smsconsent', 'consentsms', 'smsoptin');
alias('consent.whatsapp', 'whatsappconsent', 'consentwhatsapp', 'whatsappoptin');
alias('consent.linkedin', 'linkedinconsent');
alias('consent.telegram', 'telegramconsent');
alias('consentAt', 'consentat', 'consentdate', 'optinat', 'optindate', 'consentgivenat');
alias('consentIp', 'consentip', 'optinip');

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, '');

/** Exact field names (`birthDay`, `address.city`): what an export of ours is headed with. */
const FIELD_NAMES = new Set<string>(IMPORT_FIELDS);

function wellKnown(header: string): string | undefined {
  if (FIELD_NAMES.has(header)) return header;
  const custom = /^custom[.:]([A-Za-z][A-Za-z0-9_]{0,63})$/.exec(header);
  if (custom) return `custom.${custom[1].toLowerCase()}`;
  const meta = /^metadata\.([^$.][^.]{0,99})$/.exec(header);
  if (meta) return `metadata.${meta[1]}`;
  return ALIASES[normalise(header)];
}

/** Each header with its target field (null: ignored); throws on mapped headers the file lacks. */
export function resolveColumns(header: string[], mapping: ImportMapping = {}): ImportColumn[] {
  const named = Object.keys(mapping);
  const explicit = new Map(Object.entries(mapping).map(([h, t]) => [h.trim().toLowerCase(), t]));
  const columns = header.map((raw) => {
    const target = explicit.get(raw.trim().toLowerCase()) ?? wellKnown(raw.trim());
    return { header: raw, field: !target || target === 'ignore' ? null : target };
  });
  const present = new Set(header.map((h) => h.trim().toLowerCase()));
  const missing = named.filter((h) => !present.has(h.trim().toLowerCase()));
  if (missing.length > 0) {
    throw new Error(`the mapping names columns the file does not have: ${missing.join(', ')}`);
  }
  if (!columns.some((c) => c.field !== null)) {
    throw new Error('no column of the file maps to a contact field');
  }
  return columns;
}

/** Custom-field types, for turning cells into typed values (`ContactRules` definitions). */
export type FieldTypeOf = (slug: string) => string | undefined;

/** What a row says beside the contact's fields: its company cell and its duplicate action. */
export interface RowExtras {
  /** The free-text `company` cell (a name or a domain), resolved per batch. */
  company?: string;
  /** The title of a `company` link (with no `companyId` column, it waits for the company). */
  title?: string;
  /** This row's duplicate action, overriding the import's. */
  onDuplicate?: ImportOnDuplicate;
}

/** A row as a create input (not validated yet), and which column each input path came from. */
export interface RowInput {
  input: Record<string, unknown>;
  extras: RowExtras;
  /** Problems found while reading cells (before validation). */
  errors: FieldError[];
  /** The column an input path (`channels.1.value`, `customFields.plan`) was read from. */
  headerOf: (path: string) => string | undefined;
  /** Consent cells (`consent`, `consent.<type>`, `consentAt`, `consentIp`), when any. */
  consent?: RowConsent;
}

const CHANNELS = new Set<string>(CHANNEL_TYPES);
const list = (value: string, separators: RegExp) =>
  value
    .split(separators)
    .map((v) => v.trim())
    .filter(Boolean);
const integer = (value: string): number | string =>
  /^\d{1,4}$/.test(value) ? Number(value) : value;

function typed(value: string, type: string | undefined): unknown {
  if (type === 'number') {
    const n = Number(value);
    return value !== '' && Number.isFinite(n) ? n : value;
  }
  if (type === 'boolean') {
    if (/^(true|yes|y|1)$/i.test(value)) return true;
    if (/^(false|no|n|0)$/i.test(value)) return false;
    return value;
  }
  if (type === 'multi_select') return list(value, /[;,]/);
  return value;
}

/** `YYYY-MM-DD`, `--MM-DD`, `MM-DD` or `MM/DD` → month and day. */
function birthDate(value: string): { month: number; day: number } | undefined {
  const m = /^(?:\d{4}-|--)?(\d{1,2})[-/](\d{1,2})$/.exec(value);
  return m ? { month: Number(m[1]), day: Number(m[2]) } : undefined;
}

/** The create input of one row: blank cells are absent; lists split on `;` (tags also on `,`). */
export function rowInput(
  values: string[],
  columns: ImportColumn[],
  typeOf: FieldTypeOf,
  now: Date = new Date(),
): RowInput {
  const input: Record<string, unknown> = {};
  const extras: RowExtras = {};
  const consent: RowConsent = { byType: {} };
  let hasConsent = false;
  const errors: FieldError[] = [];
  const channels: ChannelInput[] = [];
  const channelHeaders: string[] = [];
  const headers = new Map<string, string>();
  const sub = (key: string) => (input[key] ??= {}) as Record<string, unknown>;

  columns.forEach((column, i) => {
    const value = (values[i] ?? '').trim();
    const field = column.field;
    if (!field || value === '') return;
    if (isConsentField(field)) {
      readConsentCell(consent, field, value, errors, now);
      headers.set(field, column.header);
      hasConsent = true;
      return;
    }
    if (CHANNELS.has(field)) {
      for (const v of list(value, field === 'email' ? /[;,]/ : /;/)) {
        channels.push({ type: field as ChannelInput['type'], value: v });
        channelHeaders.push(column.header);
      }
      return;
    }
    const [head, rest] = [field.slice(0, field.indexOf('.')), field.slice(field.indexOf('.') + 1)];
    if (head === 'custom') {
      sub('customFields')[rest] = typed(value, typeOf(rest));
      headers.set(`customFields.${rest}`, column.header);
    } else if (head === 'metadata') {
      sub('metadata')[rest] = value;
      headers.set(`metadata.${rest}`, column.header);
    } else if (head === 'address') {
      sub('address')[rest] = value;
      headers.set(field, column.header);
    } else if (field === 'tags') {
      input.tags = [...((input.tags as string[] | undefined) ?? []), ...list(value, /[;,]/)];
      headers.set('tags', column.header);
    } else if (field === 'company') {
      extras.company = value;
      headers.set('company', column.header);
    } else if (field === 'onDuplicate') {
      headers.set('onDuplicate', column.header);
      const action = ImportOnDuplicate.safeParse(value.toLowerCase());
      if (action.success) extras.onDuplicate = action.data;
      else errors.push({ path: 'onDuplicate', message: 'not skip, merge or overwrite' });
    } else if (field === 'companyId' || field === 'title') {
      const links = (input.companyLinks ??= [{}]) as Record<string, unknown>[];
      links[0][field === 'companyId' ? 'companyId' : 'title'] = value;
      headers.set(`companyLinks.0.${field === 'companyId' ? 'companyId' : 'title'}`, column.header);
    } else if (field === 'birthMonth' || field === 'birthDay') {
      input[field] = integer(value);
      headers.set(field, column.header);
    } else if (field === 'birthDate') {
      headers.set('birthMonth', column.header).set('birthDay', column.header);
      const date = birthDate(value);
      if (!date) errors.push({ path: 'birthMonth', message: 'not a date (YYYY-MM-DD or MM-DD)' });
      else Object.assign(input, { birthMonth: date.month, birthDay: date.day });
    } else {
      input[field] = value;
      headers.set(field, column.header);
    }
  });
  if (channels.length > 0) input.channels = channels;
  // A title with a company cell but no company id belongs to the link the company cell makes.
  const links = input.companyLinks as Record<string, unknown>[] | undefined;
  if (extras.company && links && links[0].companyId === undefined) {
    extras.title = links[0].title as string;
    headers.set('company.title', headers.get('companyLinks.0.title') ?? '');
    delete input.companyLinks;
  }

  return {
    input,
    extras,
    errors,
    ...(hasConsent ? { consent } : {}),
    headerOf: (path) => {
      const channel = /^channels\.(\d+)/.exec(path);
      if (channel) return channelHeaders[Number(channel[1])];
      for (let p = path; p; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) {
        const header = headers.get(p);
        if (header) return header;
      }
      return undefined;
    },
  };
}

/** Field errors as one message naming the CSV columns: `Email: not an email address; …`. */
export function describeErrors(
  errors: FieldError[],
  headerOf: (path: string) => string | undefined,
): string {
  return errors
    .map((e) => {
      const header = headerOf(e.path);
      return header ? `${header}: ${e.message}` : e.message;
    })
    .join('; ');
}
