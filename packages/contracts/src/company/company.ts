import { z } from 'zod';
import { PageQuery } from '../common/pagination';
import { Id, NonEmptyText, Timestamp } from '../common/primitives';
import { Address } from '../contact/contact';
import { boundedCustomFields, CustomFieldValues } from '../settings/custom-field';

/**
 * A company's internet domain, normalised: lower-case, no scheme, path, trailing dot or leading
 * `www.`. A domain belongs to at most one active company per workspace.
 */
export const CompanyDomain = z
  .string()
  .trim()
  .max(253)
  .transform((d) =>
    d
      .toLowerCase()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
      .replace(/[/?#].*$/, '')
      .replace(/\.$/, '')
      .replace(/^www\./, ''),
  )
  .pipe(
    z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/,
        'a domain such as example.com',
      ),
  );

export const COMPANY_SIZES = [
  '1-10',
  '11-50',
  '51-200',
  '201-500',
  '501-1000',
  '1001-5000',
  '5001+',
] as const;
export const CompanySize = z.enum(COMPANY_SIZES);
export type CompanySize = z.infer<typeof CompanySize>;

const Tag = z.string().trim().min(1).max(100);
const Domains = z.array(CompanyDomain).max(50);

const CompanyFields = z
  .object({
    name: NonEmptyText(200),
    domains: Domains.optional(),
    industry: z.string().trim().max(100).optional(),
    website: z.string().trim().url().max(500).optional(),
    address: Address.optional(),
    size: CompanySize.optional(),
    tags: z.array(Tag).max(200).optional(),
    customFields: CustomFieldValues.superRefine(boundedCustomFields).optional(),
    ownerId: Id.optional(),
  })
  .strict();

/** `POST /v1/companies`. */
export const CreateCompanyInput = CompanyFields;
export type CreateCompanyInput = z.infer<typeof CreateCompanyInput>;

/**
 * `PATCH /v1/companies/:id`: absent = unchanged, `null` = clear (not `name`). `domains` and
 * `tags` are the new full lists; `customFields` sets the given slugs (null clears one).
 * `version` makes the write conditional (409 `version_conflict` when stale).
 */
export const UpdateCompanyInput = z
  .object({
    name: NonEmptyText(200).optional(),
    domains: Domains.optional(),
    industry: z.string().trim().max(100).nullable().optional(),
    website: z.string().trim().url().max(500).nullable().optional(),
    address: Address.nullable().optional(),
    size: CompanySize.nullable().optional(),
    tags: z.array(Tag).max(200).optional(),
    customFields: CustomFieldValues.superRefine(boundedCustomFields).optional(),
    ownerId: Id.nullable().optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type UpdateCompanyInput = z.infer<typeof UpdateCompanyInput>;

export const CompanyStatus = z.enum(['active', 'archived']);
export type CompanyStatus = z.infer<typeof CompanyStatus>;

export const Company = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string(),
  domains: z.array(z.string()),
  industry: z.string().optional(),
  website: z.string().optional(),
  address: Address.optional(),
  size: CompanySize.optional(),
  tags: z.array(z.string()),
  customFields: z.record(z.unknown()),
  ownerId: z.string().nullable(),
  status: CompanyStatus,
  /** Set when the company was archived by a merge: the survivor that absorbed it. */
  mergedInto: z.string().nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Company = z.infer<typeof Company>;

export const CompanyIdParams = z.object({ id: Id }).strict();

/** `GET /v1/companies?q=&domain=&status=&ownerId=`: newest first; `q` matches name words and domains by prefix. */
export const ListCompaniesQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  domain: CompanyDomain.optional(),
  status: CompanyStatus.default('active'),
  ownerId: z.union([Id, z.literal('me'), z.literal('none')]).optional(),
}).strict();
export type ListCompaniesQuery = z.infer<typeof ListCompaniesQuery>;

/** Fields a company merge resolves one way or the other. */
export const COMPANY_MERGE_FIELDS = [
  'name',
  'industry',
  'website',
  'address',
  'size',
  'ownerId',
] as const;
export const CompanyMergeField = z.union([
  z.enum(COMPANY_MERGE_FIELDS),
  z.string().regex(/^customFields\.[a-z][a-z0-9_]{0,63}$/, 'a merge field or customFields.<slug>'),
]);

/**
 * `POST /v1/companies/merge`. Like a contact merge: where both have a value the survivor's wins
 * unless `resolutions` says `duplicate`, the duplicate's fills a blank; domains and tags are
 * united. The duplicate is archived with `mergedInto` and every contact linked to it is
 * relinked to the survivor. A retry of an interrupted merge finishes it.
 */
export const MergeCompaniesInput = z
  .object({
    survivorId: Id,
    duplicateId: Id,
    resolutions: z.record(CompanyMergeField, z.enum(['survivor', 'duplicate'])).optional(),
    dryRun: z.boolean().default(false),
  })
  .strict()
  .refine((m) => m.survivorId !== m.duplicateId, {
    message: 'a company cannot be merged into itself',
    path: ['duplicateId'],
  });
export type MergeCompaniesInput = z.infer<typeof MergeCompaniesInput>;

export const CompanyMergeConflict = z.object({
  field: z.string(),
  survivor: z.unknown(),
  duplicate: z.unknown(),
  resolution: z.enum(['survivor', 'duplicate']),
});

/** The merge (as it would be, with `dryRun`): the survivor after it and the contacts relinked. */
export const MergeCompaniesResult = z.object({
  dryRun: z.boolean(),
  company: Company,
  duplicate: Company,
  conflicts: z.array(CompanyMergeConflict),
  /** Contacts linked to the duplicate that were (or would be) relinked to the survivor. */
  relinkedContacts: z.number().int(),
});
export type MergeCompaniesResult = z.infer<typeof MergeCompaniesResult>;
