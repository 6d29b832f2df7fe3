import { z } from 'zod';
import { ReassignOwnerInput, ReassignOwnerResult } from '../offboarding/offboarding';
import { Id } from '../common/primitives';
import { CONTACT_LOOKUP_RPC } from './contact-lookup';
import { COMPANIES_RPC } from '../company/company.rpc';
import { SETTINGS_RPC } from '../settings/settings.rpc';
import { CONTACT_EXPORT_RPC } from './contact-export';
import {
  ContactsPersonData,
  EraseContactInput,
  EraseContactResult,
  PersonExportInput,
} from './contact-erase';
import { CONTACT_LIST_RPC } from './contact-query';
import { CONTACT_SNAPSHOTS_RPC } from './contact-snapshot';
import { CONTACT_IMPORT_RPC } from './contact-import';
import { LEADS_RPC } from '../lead/lead.rpc';
import { FIT_RPC } from '../fit/fit.rpc';
import { SUPPRESSIONS_RPC } from '../suppression/suppression.rpc';
import { CHANNEL_CONSENT_RPC } from './channel-consent';
import { Contact, CreateContactInput, UpdateContactInput } from './contact';
import {
  BulkContactsInput,
  BulkContactsResult,
  ContactTagsInput,
  MergeContactsInput,
  MergeContactsResult,
} from './contact-writes';

const ById = z.object({ id: Id }).strict();

/** `rpc.contacts.*`: served by the contacts service. */
export const CONTACTS_RPC = {
  ...SETTINGS_RPC,
  ...COMPANIES_RPC,
  create: { subject: 'rpc.contacts.create', input: CreateContactInput, output: Contact },
  get: { subject: 'rpc.contacts.get', input: z.object({ id: Id }).strict(), output: Contact },
  ...CONTACT_LOOKUP_RPC,
  ...CONTACT_LIST_RPC,
  ...CONTACT_EXPORT_RPC,
  update: {
    subject: 'rpc.contacts.update',
    input: z.object({ id: Id, patch: UpdateContactInput }).strict(),
    output: Contact,
  },
  archive: { subject: 'rpc.contacts.archive', input: ById, output: Contact },
  restore: { subject: 'rpc.contacts.restore', input: ById, output: Contact },
  tags: {
    subject: 'rpc.contacts.tags',
    input: z.object({ id: Id, tags: ContactTagsInput }).strict(),
    output: Contact,
  },
  claim: { subject: 'rpc.contacts.claim', input: ById, output: Contact },
  release: { subject: 'rpc.contacts.release', input: ById, output: Contact },
  bulk: { subject: 'rpc.contacts.bulk', input: BulkContactsInput, output: BulkContactsResult },
  merge: { subject: 'rpc.contacts.merge', input: MergeContactsInput, output: MergeContactsResult },
  /** Erases the contact (and duplicates merged into it) here; `contact.erased` tells the rest. */
  erase: { subject: 'rpc.contacts.erase', input: EraseContactInput, output: EraseContactResult },
  /** What this service holds about the person (their data export). */
  personExport: {
    subject: 'rpc.contacts.person.export',
    input: PersonExportInput,
    output: ContactsPersonData,
  },
  /** Offboarding: contacts owned by a departing member move (decision 0135). */
  reassignOwner: {
    subject: 'rpc.contacts.owner.reassign',
    input: ReassignOwnerInput,
    output: ReassignOwnerResult,
  },
  ...CONTACT_IMPORT_RPC,
  ...LEADS_RPC,
  ...FIT_RPC,
  ...CONTACT_SNAPSHOTS_RPC,
  ...CHANNEL_CONSENT_RPC,
  ...SUPPRESSIONS_RPC,
} as const;
