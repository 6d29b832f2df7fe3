import { z } from 'zod';
import { Id } from '../common/primitives';
import { COMPANIES_RPC } from '../company/company.rpc';
import { SETTINGS_RPC } from '../settings/settings.rpc';
import { Contact, CreateContactInput } from './contact';

/** `rpc.contacts.*`: served by the contacts service. */
export const CONTACTS_RPC = {
  ...SETTINGS_RPC,
  ...COMPANIES_RPC,
  create: { subject: 'rpc.contacts.create', input: CreateContactInput, output: Contact },
  get: { subject: 'rpc.contacts.get', input: z.object({ id: Id }).strict(), output: Contact },
} as const;
