import { z } from 'zod';
import { ReassignOwnerInput, ReassignOwnerResult } from '../offboarding/offboarding';
import { pageOf, PageQuery } from '../common/pagination';
import { Id } from '../common/primitives';
import { Contact } from '../contact/contact';
import {
  Company,
  CreateCompanyInput,
  ListCompaniesQuery,
  MergeCompaniesInput,
  MergeCompaniesResult,
  UpdateCompanyInput,
} from './company';

const ById = z.object({ id: Id }).strict();

/** Companies, served by the contacts service (`rpc.contacts.company.*`). */
export const COMPANIES_RPC = {
  createCompany: {
    subject: 'rpc.contacts.company.create',
    input: CreateCompanyInput,
    output: Company,
  },
  getCompany: { subject: 'rpc.contacts.company.get', input: ById, output: Company },
  listCompanies: {
    subject: 'rpc.contacts.company.list',
    input: ListCompaniesQuery,
    output: pageOf(Company),
  },
  updateCompany: {
    subject: 'rpc.contacts.company.update',
    input: z.object({ id: Id, patch: UpdateCompanyInput }).strict(),
    output: Company,
  },
  archiveCompany: { subject: 'rpc.contacts.company.archive', input: ById, output: Company },
  mergeCompanies: {
    subject: 'rpc.contacts.company.merge',
    input: MergeCompaniesInput,
    output: MergeCompaniesResult,
  },
  /** Active contacts linked to the company, newest first. */
  companyContacts: {
    subject: 'rpc.contacts.company.contacts',
    input: PageQuery.extend({ id: Id }).strict(),
    output: pageOf(Contact),
  },
  /** Offboarding: companies owned by a departing member move (decision 0135). */
  reassignCompanyOwner: {
    subject: 'rpc.contacts.company.owner.reassign',
    input: ReassignOwnerInput,
    output: ReassignOwnerResult,
  },
} as const;
