import { RPC, type Contact, type CreateContactInput } from '@switchboard/contracts';
import { useContactsService } from './contacts-harness';

/**
 * The contacts service in-process with a tap on every contact event; a context (every contact
 * capability unless asked), a contact factory and the stored contact by id.
 */
export function useContactWritesHarness() {
  const base = useContactsService('crm.*.contact.>');
  return Object.assign(base, {
    ctx: base.context,
    create: (ws: string, input: CreateContactInput): Promise<Contact> =>
      base.rpc.call(RPC.contacts.create, base.context(ws), input),
    stored: (id: string) => base.doc('contacts', id),
  });
}
