import {
  RPC,
  type Company,
  type Contact,
  type CreateCompanyInput,
  type CreateContactInput,
  type RequestContext,
} from '@switchboard/contracts';
import { newId } from '@switchboard/messaging';
import { useContactsService } from './contacts-harness';

export type { Failure } from './contacts-harness';

/**
 * The contacts service in-process for the configuration and company tests, with a tap on every
 * event of the namespace; a context and factories.
 */
export function useConfigHarness() {
  const base = useContactsService();
  return Object.assign(base, {
    /** A caller with every capability (scope `all` unless asked). */
    ctx: (workspaceId: string, actorId = 'admin-1', scope: 'all' | 'own' = 'all'): RequestContext =>
      base.context(workspaceId, actorId, scope),
    contact: (ws: string, input: CreateContactInput): Promise<Contact> =>
      base.rpc.call(RPC.contacts.create, base.context(ws), input),
    company: (ws: string, input: CreateCompanyInput): Promise<Company> =>
      base.rpc.call(RPC.contacts.createCompany, base.context(ws), input),
    stored: (collection: string, id: string) => base.doc(collection, id),
    /**
     * Sets fields of a stored document behind the service's back, once the outbox relay is done
     * with it (the relay's own update would otherwise rewrite the document over this one).
     */
    rawSet: async (collection: string, id: string, fields: Record<string, unknown>) => {
      await base.relayed(collection, id);
      await base.db
        .collection<{ _id: string }>(collection)
        .updateOne({ _id: id }, { $set: fields });
    },
  });
}

/** A workspace id of its own for each test. */
export const workspace = () => `ws-${newId()}`;
