import { CHANNEL_TYPES } from '@switchboard/contracts';
import type { FieldOp } from './ast';

/** The value kinds a field can have; each allows its own operators. */
export type FieldKind =
  'text' | 'id' | 'number' | 'date' | 'boolean' | 'select' | 'multi_select' | 'tags' | 'channel';

export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'select',
  'multi_select',
  'boolean',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A workspace's custom-field definition, as far as filters care. */
export interface CustomFieldDefinition {
  slug: string;
  type: CustomFieldType;
  /** Allowed values of select and multi_select fields. */
  options?: string[];
  /** Retired fields can still be filtered on (existing segments keep working). */
  retired?: boolean;
}

/** Contact attributes a filter may name, by kind. Paths equal the Profile's. */
export const CONTACT_FIELDS: Readonly<Record<string, FieldKind>> = {
  firstName: 'text',
  lastName: 'text',
  displayName: 'text',
  email: 'text',
  phone: 'text',
  stage: 'text',
  source: 'text',
  status: 'text',
  locale: 'text',
  timeZone: 'text',
  country: 'text',
  ownerId: 'id',
  companyId: 'id',
  birthMonth: 'number',
  birthDay: 'number',
  /** Month × 100 + day (`1224` = 24 December): `between [1215, 1231]` spans days across months. */
  birthday: 'number',
  createdAt: 'date',
  updatedAt: 'date',
  lastTouchAt: 'date',
  tags: 'tags',
};

const PRESENCE: FieldOp[] = ['exists', 'not_exists'];
export const OPS_BY_KIND: Readonly<Record<FieldKind, readonly FieldOp[]>> = {
  text: ['eq', 'ne', 'in', 'nin', 'contains', 'starts_with', ...PRESENCE],
  id: ['eq', 'ne', 'in', 'nin', ...PRESENCE],
  number: ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'between', ...PRESENCE],
  date: ['before', 'after', 'between', 'within_last', ...PRESENCE],
  boolean: ['eq', 'ne', ...PRESENCE],
  select: ['eq', 'ne', 'in', 'nin', ...PRESENCE],
  multi_select: ['has_any', 'has_all', 'has_none', ...PRESENCE],
  tags: ['has_any', 'has_all', 'has_none'],
  channel: [
    'exists',
    'not_exists',
    'subscribed',
    'suppressed',
    'opted_in',
    'opted_out',
    'consent_unknown',
  ],
};

export type ResolvedField =
  | { ok: true; kind: FieldKind; options?: string[] }
  | { ok: false; code: 'unknown_field' | 'unknown_custom_field'; message: string };

const SLUG = /^[a-z][a-z0-9_]{0,63}$/;

/** What a field path names: a contact attribute, `custom.<slug>`, `fit.<slug>`, `channels.<type>`. */
export function resolveField(
  field: string,
  customFields: readonly CustomFieldDefinition[],
): ResolvedField {
  if (Object.prototype.hasOwnProperty.call(CONTACT_FIELDS, field)) {
    return { ok: true, kind: CONTACT_FIELDS[field] };
  }
  const dot = field.indexOf('.');
  const head = dot < 0 ? field : field.slice(0, dot);
  const rest = dot < 0 ? '' : field.slice(dot + 1);
  if (head === 'custom' && SLUG.test(rest)) {
    const def = customFields.find((d) => d.slug === rest);
    if (!def) {
      return {
        ok: false,
        code: 'unknown_custom_field',
        message: `no custom field "${rest}" in this workspace`,
      };
    }
    return { ok: true, kind: def.type, options: def.options };
  }
  if (head === 'fit' && SLUG.test(rest)) return { ok: true, kind: 'number' };
  if (head === 'channels' && (CHANNEL_TYPES as readonly string[]).includes(rest)) {
    return { ok: true, kind: 'channel' };
  }
  return { ok: false, code: 'unknown_field', message: `unknown field "${field}"` };
}
