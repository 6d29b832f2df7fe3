import type { AuditEntry, Offboarding, Page, Session } from '@switchboard/contracts';
import { http, waitFor, type HttpResult } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

/**
 * The audit of access writes (decision 0136): creating and revoking an API key, changing a
 * member's role and offboarding a member each leave exactly one audit entry, with the operator
 * as actor, the target, the field diff and the request id of the write; the CSV export holds them.
 */
let h: GatewayHarness;
let owner: Session;

const call = <T>(method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, {
    token: owner.accessToken,
    ...(body !== undefined ? { body } : {}),
  });

const requestIdOf = (res: HttpResult<unknown>) => res.headers.get('x-request-id');

/** The entries of one target and action, once at least one is there. */
async function entriesOf(targetId: string, action: string): Promise<AuditEntry[]> {
  return waitFor(
    async () => {
      const res = await call<Page<AuditEntry>>(
        'GET',
        `/v1/audit?targetId=${targetId}&action=${action}`,
      );
      return res.body.items.length > 0 ? res.body.items : undefined;
    },
    { timeoutMs: 20_000, what: `an audit entry ${action} of ${targetId}` },
  );
}

beforeAll(async () => {
  h = await GatewayHarness.start();
  owner = await h.signUp();
}, 120_000);
afterAll(() => h.stop());

describe('access writes are audited once each', () => {
  it('creating and revoking an API key', async () => {
    const created = await call<{ id: string }>('POST', '/v1/api-keys', {
      name: 'CI',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    const revoked = await call('DELETE', `/v1/api-keys/${created.body.id}`);
    expect(revoked.status).toBe(204);
    const [create] = await entriesOf(created.body.id, 'api_key.created');
    expect(create).toMatchObject({
      actor: { type: 'user', id: owner.user.id },
      target: { type: 'api_key', id: created.body.id },
      requestId: requestIdOf(created),
    });
    const revokes = await entriesOf(created.body.id, 'api_key.revoked');
    expect(revokes).toHaveLength(1);
    expect(revokes[0].requestId).toBe(requestIdOf(revoked));
    // A second revocation changes nothing and is not audited again.
    expect((await call('DELETE', `/v1/api-keys/${created.body.id}`)).status).toBe(204);
    const all = await call<Page<AuditEntry>>('GET', `/v1/audit?targetId=${created.body.id}`);
    expect(all.body.items.map((e) => e.action).sort()).toEqual([
      'api_key.created',
      'api_key.revoked',
    ]);
    const csv = await http<string>(h.url, 'GET', `/v1/audit/export?targetId=${created.body.id}`, {
      token: owner.accessToken,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = String(csv.body).trim().split('\r\n');
    expect(rows[0]).toBe(
      'occurredAt,action,actorType,actorId,targetType,targetId,changes,tags,requestId',
    );
    expect(
      rows
        .slice(1)
        .map((r) => r.split(',')[1])
        .sort(),
    ).toEqual(['api_key.created', 'api_key.revoked']);
    expect(rows[1]).toContain(`,user,${owner.user.id},api_key,${created.body.id},`);
  });

  it('changing a member’s role, with the diff', async () => {
    const member = await h.addMember(owner, 'member');
    const res = await call('PATCH', `/v1/members/${member.user.id}`, { role: 'viewer' });
    expect(res.status).toBe(200);
    const entries = await entriesOf(member.user.id, 'member.role.changed');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { type: 'user', id: owner.user.id },
      target: { type: 'member', id: member.user.id },
      changes: [{ field: 'role', from: 'member', to: 'viewer' }],
      requestId: requestIdOf(res),
    });
  });

  it('offboarding a member, and the key it revokes', async () => {
    const member = await h.addMember(owner, 'admin');
    const key = await http<{ id: string }>(h.url, 'POST', '/v1/api-keys', {
      token: member.accessToken,
      body: { name: 'Theirs', role: 'viewer' },
    });
    expect(key.status).toBe(201);
    const res = await call<Offboarding>('DELETE', `/v1/members/${member.user.id}`, {});
    expect(res.status).toBe(202);
    const entries = await entriesOf(res.body.id, 'member.offboarded');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { type: 'user', id: owner.user.id },
      target: { type: 'offboarding', id: res.body.id },
      requestId: requestIdOf(res),
    });
    const revoked = await entriesOf(key.body.id, 'api_key.revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0].requestId).toBe(requestIdOf(res));
    const byOperator = await call<Page<AuditEntry>>(
      'GET',
      `/v1/audit?actorId=${owner.user.id}&action=member.offboarded`,
    );
    expect(byOperator.body.items.map((e) => e.target.id)).toEqual([res.body.id]);
  });
});
