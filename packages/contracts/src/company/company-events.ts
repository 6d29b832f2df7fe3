import { z } from 'zod';
import { Id } from '../common/primitives';
import { FieldChange } from '../contact/contact-events';
import { Company } from './company';

/** Every company event carries the company as stored after the change. */
const WithCompany = z.object({ company: Company });

export const CompanyCreatedV1 = WithCompany;
/** `company.updated` v1: the fields that changed, old and new values. */
export const CompanyUpdatedV1 = WithCompany.extend({ changes: z.array(FieldChange) });
/** `company.archived` v1: reason `deleted` or `merged`. */
export const CompanyArchivedV1 = WithCompany.extend({ reason: z.string() });
/**
 * `company.merged` v1: the duplicate was folded into the survivor (`company`, after the merge)
 * and archived with `mergedInto`; services holding the duplicate's id (deals) move to the
 * survivor. Contacts are relinked by the contacts service itself.
 */
export const CompanyMergedV1 = z.object({
  survivorId: Id,
  duplicateId: Id,
  company: Company,
  /** The survivor's fields that the merge changed (audit diff). */
  changes: z.array(FieldChange),
});

export const COMPANY_EVENTS = {
  'company.created': { aggregate: 'company', version: 1, data: CompanyCreatedV1 },
  'company.updated': { aggregate: 'company', version: 1, data: CompanyUpdatedV1 },
  'company.archived': { aggregate: 'company', version: 1, data: CompanyArchivedV1 },
  'company.merged': { aggregate: 'company', version: 1, data: CompanyMergedV1 },
} as const;
