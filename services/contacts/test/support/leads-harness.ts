import { RPC, type CaptureLeadInput, type Lead, type RequestContext } from '@switchboard/contracts';
import { useContactsService } from './contacts-harness';

/**
 * The contacts service in-process (leads and fit live in it), with a tap on every event of the
 * namespace; a context (a user, or an API key) and a lead factory.
 */
export function useLeadsHarness() {
  const base = useContactsService();
  return Object.assign(base, {
    ctx: (
      workspaceId: string,
      actorId = 'admin-1',
      scope: 'all' | 'own' = 'all',
      actorType: 'user' | 'api_key' = 'user',
    ): RequestContext => base.context(workspaceId, actorId, scope, undefined, actorType),
    capture: (ws: string, input: CaptureLeadInput, actorId = 'form-key'): Promise<Lead> =>
      base.rpc.call(
        RPC.contacts.captureLead,
        base.context(ws, actorId, 'all', undefined, 'api_key'),
        input,
      ),
    stored: (collection: string, id: string) => base.doc(collection, id),
  });
}
