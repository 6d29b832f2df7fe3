import type { EventEnvelope, Member, Offboarding, Page, Session } from '@switchboard/contracts';
import { http, NatsTap, waitFor } from '@switchboard/testing';
import { GatewayHarness, PASSWORD } from './support/gateway-harness';

/**
 * Offboarding (seed 003, decision 0135): `DELETE /v1/members/:userId` ends the membership and
 * every session at once, revokes or transfers API keys and integrations, and moves every record
 * the member owns, in every owning service, to the new owner or the pool, one event per record.
 */
let h: GatewayHarness;
let owner: Session;
let heir: Session;
let stranger: Session;
let tap: NatsTap<EventEnvelope>;

const call = <T>(as: Session | string, method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, {
    token: typeof as === 'string' ? as : as.accessToken,
    ...(body !== undefined ? { body } : {}),
  });

async function created(as: Session | string, path: string, body: unknown): Promise<string> {
  const res = await call<{ id: string; key?: string }>(as, 'POST', path, body);
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

interface Owned {
  contact: string;
  archivedContact: string;
  company: string;
  deal: string;
  task: string;
  lead: string;
  apiKey: string;
}

/** One record of every owned kind for `userId` (an archived contact too) and their API key. */
async function recordsOf(leaver: Session): Promise<Owned> {
  const ownerId = leaver.user.id;
  const pipeline = await call<{ id: string }>(owner, 'POST', '/v1/pipelines', {
    name: `P ${ownerId}`,
    stages: [{ name: 'Open', category: 'open' }],
  });
  const contact = await created(owner, '/v1/contacts', { displayName: 'Kept', ownerId });
  const archivedContact = await created(owner, '/v1/contacts', { displayName: 'Old', ownerId });
  expect((await call(owner, 'DELETE', `/v1/contacts/${archivedContact}`)).status).toBe(200);
  const key = await call<{ key: string }>(leaver, 'POST', '/v1/api-keys', {
    name: `key of ${ownerId}`,
    role: 'member',
  });
  expect(key.status).toBe(201);
  return {
    contact,
    archivedContact,
    company: await created(owner, '/v1/companies', { name: `Co ${ownerId}`, ownerId }),
    deal: await created(owner, '/v1/deals', {
      title: 'Big one',
      pipelineId: pipeline.body.id,
      contactId: contact,
      ownerId,
    }),
    task: await created(owner, '/v1/tasks', {
      title: 'Call back',
      anchor: { type: 'contact', id: contact },
      assigneeId: ownerId,
    }),
    lead: await created(owner, '/v1/leads', {
      email: `lead-${ownerId}@example.com`,
      source: 'website',
      assigneeId: ownerId,
    }),
    apiKey: key.body.key,
  };
}

/** Who owns each record now (owner or assignee), as the owner reads them. */
async function ownersOf(r: Owned): Promise<Record<string, string | null>> {
  const get = async (path: string, field: 'ownerId' | 'assigneeId') =>
    (await call<Record<string, string | null>>(owner, 'GET', path)).body[field];
  return {
    contact: await get(`/v1/contacts/${r.contact}`, 'ownerId'),
    archivedContact: await get(`/v1/contacts/${r.archivedContact}`, 'ownerId'),
    company: await get(`/v1/companies/${r.company}`, 'ownerId'),
    deal: await get(`/v1/deals/${r.deal}`, 'ownerId'),
    task: await get(`/v1/tasks/${r.task}`, 'assigneeId'),
    lead: await get(`/v1/leads/${r.lead}`, 'assigneeId'),
  };
}

const completed = (id: string) =>
  waitFor(
    async () => {
      const res = await call<Offboarding>(owner, 'GET', `/v1/offboardings/${id}`);
      return res.body.status === 'completed' ? res.body : undefined;
    },
    { timeoutMs: 30_000, what: 'the offboarding to complete' },
  );

const refresh = (s: Session) =>
  http(h.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: s.refreshToken } });
const login = (s: Session) =>
  http(h.url, 'POST', '/v1/auth/login', {
    body: { email: s.user.email, password: PASSWORD, workspaceId: s.workspace.id },
  });

beforeAll(async () => {
  h = await GatewayHarness.start();
  [owner, stranger] = await Promise.all([h.signUp(), h.signUp()]);
  heir = await h.addMember(owner, 'member');
  tap = await NatsTap.open<EventEnvelope>(h.ns, `${h.ns.natsPrefix}crm.${owner.workspace.id}.>`);
}, 120_000);
afterAll(async () => {
  await tap.close();
  await h.stop();
});

describe('removing a member', () => {
  let leaver: Session;
  let records: Owned;
  let offboarding: Offboarding;
  let integration: string;

  beforeAll(async () => {
    leaver = await h.addMember(owner, 'admin');
    records = await recordsOf(leaver);
    integration = await created(leaver, '/v1/integrations', { name: 'Mailer', kind: 'campaign' });
    const res = await call<Offboarding>(owner, 'DELETE', `/v1/members/${leaver.user.id}`, {
      reassignTo: heir.user.id,
    });
    expect(res.status).toBe(202);
    offboarding = res.body;
  });

  it('ends their sessions and refuses their key at once', async () => {
    expect(offboarding).toMatchObject({
      userId: leaver.user.id,
      reassignTo: heir.user.id,
      mode: 'removed',
      apiKeys: { outcome: 'revoke', count: 1 },
      integrations: { outcome: 'revoke', count: 1 },
    });
    const integrations = await call<Page<{ id: string; revokedAt: string | null }>>(
      owner,
      'GET',
      '/v1/integrations',
    );
    expect(integrations.body.items.find((i) => i.id === integration)?.revokedAt).not.toBeNull();
    expect((await call(leaver, 'GET', '/v1/me')).status).toBe(401);
    expect((await call(records.apiKey, 'GET', '/v1/contacts')).status).toBe(401);
    expect((await refresh(leaver)).status).toBe(401);
    expect((await login(leaver)).status).toBe(403); // no longer a member of the workspace
    const members = await call<Page<Member>>(owner, 'GET', '/v1/members');
    expect(members.body.items.map((m) => m.userId)).not.toContain(leaver.user.id);
  });

  it('moves every record of every service to the new owner, progress observable', async () => {
    const done = await completed(offboarding.id);
    expect(Object.fromEntries(done.steps.map((s) => [s.kind, s.moved]))).toEqual({
      contacts: 2,
      companies: 1,
      leads: 1,
      deals: 1,
      tasks: 1,
    });
    const owners = await ownersOf(records);
    expect(Object.values(owners).every((o) => o === heir.user.id)).toBe(true);
    for (const [path, param] of [
      ['/v1/contacts', 'ownerId'],
      ['/v1/contacts?status=archived&', 'ownerId'],
      ['/v1/companies', 'ownerId'],
      ['/v1/deals', 'ownerId'],
      ['/v1/tasks', 'assigneeId'],
      ['/v1/leads', 'assigneeId'],
    ]) {
      const sep = path.endsWith('&') ? '' : '?';
      const left = await call<Page<unknown>>(
        owner,
        'GET',
        `${path}${sep}${param}=${leaver.user.id}`,
      );
      expect([path, left.body.items]).toEqual([path, []]);
    }
  });

  it('publishes one event per moved record, from its owning service', async () => {
    await completed(offboarding.id);
    const ofRecord = (type: string, id: string) =>
      tap.count((m) => m.data.type === type && m.data.aggregate.id === id);
    const moves: [string, string][] = [
      ['contact.owner.claimed', records.contact],
      ['contact.owner.claimed', records.archivedContact],
      ['company.updated', records.company],
      ['deal.updated', records.deal],
      ['task.assigned', records.task],
      ['lead.updated', records.lead],
    ];
    // Each service relays its events after its writes: wait for every one, then count.
    for (const [type, id] of moves)
      await tap.waitFor((m) => m.data.type === type && m.data.aggregate.id === id);
    expect(ofRecord('contact.owner.claimed', records.contact)).toBe(1);
    expect(ofRecord('contact.owner.claimed', records.archivedContact)).toBe(1);
    expect(ofRecord('company.updated', records.company)).toBe(1);
    expect(ofRecord('deal.updated', records.deal)).toBe(1);
    expect(ofRecord('task.assigned', records.task)).toBe(1);
    expect(ofRecord('lead.updated', records.lead)).toBe(1);
  });
});

describe('deactivating a member', () => {
  it('keeps them listed without access; their key and records go to the heir', async () => {
    const leaver = await h.addMember(owner, 'admin');
    const records = await recordsOf(leaver);
    const refused = await call<{ errors: { path: string }[] }>(
      owner,
      'DELETE',
      `/v1/members/${leaver.user.id}`,
      { apiKeys: 'transfer', deactivate: true },
    );
    expect(refused.status).toBe(400); // a transfer needs a member to transfer to
    expect(refused.body.errors.map((e) => e.path)).toEqual(['reassignTo']);

    const res = await call<Offboarding>(owner, 'DELETE', `/v1/members/${leaver.user.id}`, {
      reassignTo: heir.user.id,
      apiKeys: 'transfer',
      deactivate: true,
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ mode: 'deactivated', apiKeys: { outcome: 'transfer' } });
    expect((await call(leaver, 'GET', '/v1/me')).status).toBe(401);
    expect((await login(leaver)).status).toBe(403); // no longer a member of the workspace
    // The key now acts for the heir: it still works, and what it creates is the heir's.
    expect((await call(records.apiKey, 'GET', '/v1/contacts')).status).toBe(200);
    const member = await call<Member>(owner, 'GET', `/v1/members/${leaver.user.id}`);
    expect(member.body.deactivatedAt).not.toBeNull();
    await completed(res.body.id);
    expect(Object.values(await ownersOf(records)).every((o) => o === heir.user.id)).toBe(true);
    // Deactivated is not a member: nothing can be assigned to them any more.
    const assign = await call(owner, 'POST', '/v1/contacts', {
      displayName: 'Too late',
      ownerId: leaver.user.id,
    });
    expect(assign.status).toBe(400);
  });

  it('sends records to the pool when asked', async () => {
    const leaver = await h.addMember(owner, 'admin');
    const records = await recordsOf(leaver);
    const res = await call<Offboarding>(owner, 'DELETE', `/v1/members/${leaver.user.id}`, {
      reassignTo: 'pool',
    });
    expect(res.status).toBe(202);
    await completed(res.body.id);
    expect(Object.values(await ownersOf(records)).every((o) => o === null)).toBe(true);
  });
});

describe('bad offboardings change nothing', () => {
  it('refuses the member themself, a non-member, another workspace', async () => {
    const leaver = await h.addMember(owner, 'member');
    const del = (as: Session, body: unknown) =>
      call<{ code: string }>(as, 'DELETE', `/v1/members/${leaver.user.id}`, body);
    expect((await del(owner, { reassignTo: leaver.user.id })).status).toBe(400);
    expect((await del(owner, { reassignTo: stranger.user.id })).status).toBe(400);
    expect((await del(owner, { reassignTo: 'pool', extra: 1 })).status).toBe(400);
    expect((await del(stranger, { reassignTo: 'pool' })).status).toBe(404);
    expect((await call(leaver, 'GET', '/v1/me')).status).toBe(200);
    const gone = await call<{ code: string }>(
      stranger,
      'GET',
      `/v1/offboardings/${leaver.user.id}`,
    );
    expect(gone.status).toBe(404);
  });

  it('never removes the last owner', async () => {
    const res = await call<{ code: string }>(owner, 'DELETE', `/v1/members/${owner.user.id}`, {});
    expect(res.status).toBe(409);
  });
});
