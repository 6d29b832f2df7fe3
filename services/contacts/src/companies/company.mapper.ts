import type { Company } from '@switchboard/contracts';
import type { CompanyDoc } from './company.schema';

/** Stored document → the contract's Company (no outbox or search keys). */
export function toCompany(doc: CompanyDoc): Company {
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    name: doc.name,
    domains: doc.domains,
    ...(doc.industry ? { industry: doc.industry } : {}),
    ...(doc.website ? { website: doc.website } : {}),
    ...(doc.address && Object.keys(doc.address).length > 0 ? { address: doc.address } : {}),
    ...(doc.size ? { size: doc.size } : {}),
    tags: doc.tags,
    customFields: doc.customFields ?? {},
    ownerId: doc.ownerId ?? null,
    status: doc.status,
    mergedInto: doc.mergedInto ?? null,
    version: doc.version,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

/** Lower-case, accents removed: what search keys and queries compare. */
export const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** The keys `q` matches by prefix: the whole folded name, each of its words, each domain. */
export const companySearchKeys = (name: string, domains: string[]): string[] => {
  const folded = fold(name);
  return [...new Set([folded, ...folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean), ...domains])];
};

/** Fields compared for `company.updated` diffs. */
export const COMPANY_FIELDS = [
  'name',
  'domains',
  'industry',
  'website',
  'address',
  'size',
  'tags',
  'customFields',
  'ownerId',
] as const;
