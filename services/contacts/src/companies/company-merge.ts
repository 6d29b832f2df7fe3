import { COMPANY_MERGE_FIELDS, type MergeCompaniesInput } from '@switchboard/contracts';
import type { CompanyDoc } from './company.schema';

type Resolution = 'survivor' | 'duplicate';
export interface CompanyConflict {
  field: string;
  survivor: unknown;
  duplicate: unknown;
  resolution: Resolution;
}

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === '' ||
  (typeof v === 'object' && Object.keys(v).length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The survivor after absorbing the duplicate (pure; version and timestamps untouched). Where
 * both have a value, the survivor's wins unless a resolution says `duplicate`; the duplicate's
 * fills a blank; a resolution takes that side's value as it is (blank included). Domains and
 * tags are united; custom fields are resolved per slug the same way.
 */
export function planCompanyMerge(
  survivor: CompanyDoc,
  duplicate: CompanyDoc,
  resolutions: MergeCompaniesInput['resolutions'] = {},
): { next: CompanyDoc; conflicts: CompanyConflict[] } {
  const next: CompanyDoc = {
    ...survivor,
    domains: [...new Set([...survivor.domains, ...duplicate.domains])],
    tags: [...new Set([...survivor.tags, ...duplicate.tags])],
    customFields: { ...survivor.customFields },
    mergedFrom: [...new Set([...(survivor.mergedFrom ?? []), duplicate._id])],
  };
  const conflicts: CompanyConflict[] = [];
  const resolve = (field: string, s: unknown, d: unknown, set: (v: unknown) => void) => {
    const chosen = resolutions[field];
    if (!isBlank(s) && !isBlank(d) && !same(s, d)) {
      const resolution = chosen ?? 'survivor';
      conflicts.push({ field, survivor: s, duplicate: d, resolution });
      set(resolution === 'duplicate' ? d : s);
    } else if (chosen) {
      set(chosen === 'duplicate' ? d : s);
    } else if (isBlank(s) && !isBlank(d)) {
      set(d);
    }
  };
  for (const field of COMPANY_MERGE_FIELDS) {
    resolve(field, survivor[field], duplicate[field], (v) => {
      if (isBlank(v) && field !== 'name') delete (next as Partial<CompanyDoc>)[field];
      else
        (next as unknown as Record<string, unknown>)[field] = field === 'ownerId' ? (v ?? null) : v;
    });
  }
  if (next.ownerId === undefined) next.ownerId = null;
  const slugs = new Set([
    ...Object.keys(survivor.customFields ?? {}),
    ...Object.keys(duplicate.customFields ?? {}),
  ]);
  for (const slug of slugs) {
    resolve(
      `customFields.${slug}`,
      survivor.customFields?.[slug],
      duplicate.customFields?.[slug],
      (v) => {
        if (isBlank(v)) delete next.customFields[slug];
        else next.customFields[slug] = v;
      },
    );
  }
  return { next, conflicts };
}
