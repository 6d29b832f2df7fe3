import type { Contact, Member, Session } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { GatewayHarness, PASSWORD } from './support/gateway-harness';

/**
 * Membership facts (seed 002): members carry `lastSignInAt`, and every owner or assignee id a
 * request sets must name a current member of the workspace (decision 0110).
 */
let h: GatewayHarness;
let owner: Session;
let member: Session;
let stranger: Session;

const call = <T>(as: Session | string, method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, {
    token: typeof as === 'string' ? as : as.accessToken,
    ...(body !== undefined ? { body } : {}),
  });

beforeAll(async () => {
  h = await GatewayHarness.start();
  [owner, stranger] = await Promise.all([h.signUp(), h.signUp()]);
  member = await h.addMember(owner, 'member');
});
afterAll(() => h.stop());

describe('lastSignInAt', () => {
  it('is set by sign-up, by accepting an invitation and by each login, not by refresh', async () => {
    const first = await call<Member>(owner, 'GET', `/v1/members/${member.user.id}`);
    expect(first.body.lastSignInAt).toEqual(expect.any(String));
    const me = await call<Member>(owner, 'GET', `/v1/members/${owner.user.id}`);
    expect(me.body.lastSignInAt).toEqual(expect.any(String));

    const login = await http<Session>(h.url, 'POST', '/v1/auth/login', {
      body: { email: member.user.email, password: PASSWORD, workspaceId: owner.workspace.id },
    });
    expect(login.status).toBe(200);
    const after = await call<Member>(owner, 'GET', `/v1/members/${member.user.id}`);
    expect(Date.parse(after.body.lastSignInAt!)).toBeGreaterThanOrEqual(
      Date.parse(first.body.lastSignInAt!),
    );

    await http(h.url, 'POST', '/v1/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    const refreshed = await call<Member>(owner, 'GET', `/v1/members/${member.user.id}`);
    expect(refreshed.body.lastSignInAt).toBe(after.body.lastSignInAt);

    const list = await call<{ items: Member[] }>(owner, 'GET', '/v1/members');
    expect(list.body.items.every((m) => typeof m.lastSignInAt === 'string')).toBe(true);
  });
});

describe('owner and assignee ids name current members', () => {
  const refused = async (res: Promise<{ status: number; body: unknown }>, path: string) => {
    const r = await res;
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'validation_failed', errors: [{ path }] });
  };

  it('on contacts: create, patch and bulk assign', async () => {
    await refused(
      call(owner, 'POST', '/v1/contacts', { displayName: 'X', ownerId: stranger.user.id }),
      'ownerId',
    );
    const ok = await call<Contact>(owner, 'POST', '/v1/contacts', {
      displayName: 'Y',
      ownerId: member.user.id,
    });
    expect(ok.status).toBe(201);
    await refused(
      call(owner, 'PATCH', `/v1/contacts/${ok.body.id}`, { ownerId: stranger.user.id }),
      'ownerId',
    );
    await refused(
      call(owner, 'POST', '/v1/contacts/bulk', {
        ids: [ok.body.id],
        action: 'assign',
        ownerId: stranger.user.id,
      }),
      'ownerId',
    );
    const unassign = await call(owner, 'PATCH', `/v1/contacts/${ok.body.id}`, { ownerId: null });
    expect(unassign.status).toBe(200);
  });

  it('on companies', async () => {
    await refused(
      call(owner, 'POST', '/v1/companies', { name: 'Co', ownerId: stranger.user.id }),
      'ownerId',
    );
  });

  it('on deals and tasks', async () => {
    const pipeline = await call<{ id: string }>(owner, 'POST', '/v1/pipelines', {
      name: 'P',
      stages: [{ name: 'A', category: 'open' }],
    });
    const contact = await call<Contact>(owner, 'POST', '/v1/contacts', { displayName: 'D' });
    await refused(
      call(owner, 'POST', '/v1/deals', {
        title: 'D',
        pipelineId: pipeline.body.id,
        contactId: contact.body.id,
        ownerId: stranger.user.id,
      }),
      'ownerId',
    );
    const anchor = { type: 'contact', id: contact.body.id };
    await refused(
      call(owner, 'POST', '/v1/tasks', { title: 'T', anchor, assigneeId: stranger.user.id }),
      'assigneeId',
    );
    const task = await call<{ id: string }>(owner, 'POST', '/v1/tasks', {
      title: 'T',
      anchor,
      assigneeId: member.user.id,
    });
    expect(task.status).toBe(201);
    await refused(
      call(owner, 'PATCH', `/v1/tasks/${task.body.id}`, { assigneeId: stranger.user.id }),
      'assigneeId',
    );
  });

  it('on the lead round robin, by position', async () => {
    await refused(
      call(owner, 'PATCH', '/v1/settings/leads', {
        roundRobin: [member.user.id, stranger.user.id],
      }),
      'roundRobin.1',
    );
  });

  it('lets an API key own what it creates', async () => {
    const key = await call<{ id: string; key: string }>(owner, 'POST', '/v1/api-keys', {
      name: 'k',
      role: 'member',
    });
    const res = await call(key.body.key, 'POST', '/v1/contacts', {
      displayName: 'By key',
      ownerId: key.body.id,
    });
    expect(res.status).toBe(201);
  });
});
