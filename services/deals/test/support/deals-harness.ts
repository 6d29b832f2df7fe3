import { type NatsConnection } from 'nats';
import { RPC, type Contact, type Pipeline, type RequestContext } from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { startInProcess, testNamespace } from '@switchboard/testing';
import { contactsService } from '../../../contacts/src/app.module';
import { ContactsConfig } from '../../../contacts/src/config';
import { dealsService } from '../../src/app.module';
import { DealsConfig } from '../../src/config';

/**
 * The deals service and the contacts service it checks contacts against, in-process in the test
 * file's namespace, with an RPC client and a NATS connection; plus record factories.
 */
export function useDealsHarness() {
  const ns = testNamespace();
  const subjects = new SubjectNamespace(ns.natsPrefix);
  let contacts: RunningService;
  let deals: RunningService;
  const h = {
    ns,
    subjects,
    rpc: undefined as unknown as RpcClient,
    nc: undefined as unknown as NatsConnection,
    ctx: (workspaceId: string, actorId = 'admin-1', scope: 'all' | 'own' = 'all') =>
      ({
        workspaceId,
        actor: { type: 'user', id: actorId },
        role: scope === 'all' ? 'admin' : 'member',
        capabilities: ['deals.read', 'deals.write', 'contacts.read'],
        scope,
        requestId: newId(),
      }) satisfies RequestContext,
    err: (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => e,
      ),
    contactIn: (ws: string, name = 'Ada'): Promise<Contact> =>
      h.rpc.call(RPC.contacts.create, h.ctx(ws), { displayName: name }),
    pipelineIn: (ws: string, requireLostReason = false): Promise<Pipeline> =>
      h.rpc.call(RPC.deals.createPipeline, h.ctx(ws), {
        name: 'Sales',
        requireLostReason,
        stages: [
          { name: 'Lead', category: 'open' },
          { name: 'Proposal', category: 'open', probability: 50 },
          { name: 'Won', category: 'won' },
          { name: 'Lost', category: 'lost' },
        ],
      }),
    dealIn: (ws: string, p: Pipeline, c: Contact, extra: Record<string, unknown> = {}) =>
      h.rpc.call(RPC.deals.create, h.ctx(ws), {
        title: 'Deal',
        pipelineId: p.id,
        contactId: c.id,
        ...extra,
      }),
  };

  beforeAll(async () => {
    contacts = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
    deals = await startInProcess(ns, 'deals', DealsConfig, dealsService);
    h.rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects });
    await h.rpc.connect();
    h.nc = await ns.natsConnect();
  });

  afterAll(async () => {
    await h.rpc.close();
    await h.nc.close();
    await deals.stop();
    await contacts.stop();
  });

  return h;
}
