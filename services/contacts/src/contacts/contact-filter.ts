import type { QueryFilter } from 'mongoose';
import {
  CUSTOM_FILTER_KEY,
  type ContactFilter,
  type CustomFieldFilterValue,
  type RequestContext,
} from '@switchboard/contracts';
import { readableOwners } from '@switchboard/access';
import { trusted } from '@switchboard/storage';
import type { ContactDoc } from './contact.schema';
import { prefixPattern, searchTermsOf } from './contact-search';

/** How a custom field's filter value is compared, from the workspace's field definitions. */
export type CustomFieldKind = 'text' | 'number' | 'boolean' | 'date' | 'select' | 'multi_select';

/** The `custom.<slug>` filters of a query, by slug. */
export function customFiltersOf(query: object): Array<[string, CustomFieldFilterValue]> {
  return Object.entries(query)
    .filter(([key]) => CUSTOM_FILTER_KEY.test(key))
    .map(([key, value]) => [key.slice('custom.'.length), value as CustomFieldFilterValue]);
}

/**
 * The stored values a query-string value stands for. With the field's kind known, numbers and
 * booleans are compared as such; without it (no definition), the string and, when it reads as
 * one, the number or boolean are all accepted.
 */
export function customValuesOf(raw: string, kind?: CustomFieldKind): unknown[] {
  const num = raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  const bool = raw === 'true' ? true : raw === 'false' ? false : undefined;
  switch (kind) {
    case 'number':
      return num === undefined ? [] : [num];
    case 'boolean':
      return bool === undefined ? [] : [bool];
    case 'text':
    case 'date':
    case 'select':
    case 'multi_select':
      return [raw];
    case undefined:
      return [raw, ...(num === undefined ? [] : [num]), ...(bool === undefined ? [] : [bool])];
  }
}

/**
 * The portable MongoDB filter for a contact query, always scoped to the caller's workspace.
 * Equalities stay at the top level (FerretDB pushes only those down); everything else goes in
 * `$and`. Never a top-level `$or` (keyset pagination adds its own). Operators are `trusted()`
 * because the global `sanitizeFilter` would neutralise them otherwise; every value in them comes
 * from a validated query and strings only ever reach `$regex` escaped.
 *
 * `customKinds` (slug → kind) comes from the workspace's custom-field definitions when known.
 */
export function buildContactFilter(
  ctx: Pick<RequestContext, 'workspaceId' | 'actor' | 'readScope'>,
  query: Partial<ContactFilter>,
  customKinds: Readonly<Record<string, CustomFieldKind>> = {},
): QueryFilter<ContactDoc> {
  const filter: Record<string, unknown> = {
    workspaceId: ctx.workspaceId,
    status: query.status ?? 'active',
  };
  const and: Array<Record<string, unknown>> = [];
  if (query.stage !== undefined) filter.stage = query.stage;
  if (query.segmentId !== undefined) filter.segmentIds = query.segmentId;
  if (query.companyId !== undefined) filter['companyLinks.companyId'] = query.companyId;
  if (query.ownerId !== undefined) {
    filter.ownerId =
      query.ownerId === 'me' ? ctx.actor.id : query.ownerId === 'none' ? null : query.ownerId;
  }
  if (query.tags && query.tags.length > 0) {
    const op = { any: '$in', all: '$all', none: '$nin' }[query.tagMode ?? 'any'];
    and.push({ tags: trusted({ [op]: query.tags }) });
  }
  if (query.q !== undefined) {
    const terms = searchTermsOf(query.q);
    // A query with no searchable word (only punctuation) matches nothing rather than everything.
    if (terms.length === 0) and.push({ _id: trusted({ $in: [] }) });
    for (const term of terms) and.push({ searchKeys: trusted({ $regex: prefixPattern(term) }) });
  }
  for (const [slug, value] of customFiltersOf(query)) {
    const raws = Array.isArray(value) ? value : [value];
    const values = [...new Set(raws.flatMap((raw) => customValuesOf(raw, customKinds[slug])))];
    and.push({ [`customFields.${slug}`]: trusted({ $in: values }) });
  }
  narrowToReadScope(ctx, filter, and);
  if (and.length > 0) filter.$and = and;
  return filter;
}

/**
 * The read scope in the query itself (decision 0106), so pages, cursors and counts only ever see
 * readable records: `ownerId` equal to the caller (a top-level equality FerretDB pushes down), or
 * nothing when the query asks for another owner.
 */
export function narrowToReadScope(
  ctx: Pick<RequestContext, 'actor' | 'readScope'>,
  filter: Record<string, unknown>,
  and: Array<Record<string, unknown>>,
): void {
  const owners = readableOwners(ctx);
  if (owners === null) return;
  const asked = filter.ownerId;
  if (asked === undefined) {
    filter.ownerId = owners.length === 1 ? owners[0] : trusted({ $in: [...owners] });
  } else if (typeof asked !== 'string' || !owners.includes(asked)) {
    and.push({ _id: trusted({ $in: [] }) });
  }
}

/** The read scope as a filter of its own, for reads that build theirs elsewhere. */
export function readScopeFilter(
  ctx: Pick<RequestContext, 'actor' | 'readScope'>,
): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  const and: Array<Record<string, unknown>> = [];
  narrowToReadScope(ctx, filter, and);
  return filter;
}
