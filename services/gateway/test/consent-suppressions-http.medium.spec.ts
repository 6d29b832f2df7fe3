import type { Contact, Session, Suppression } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

let h: GatewayHarness;
let owner: Session;
let other: Session;

beforeAll(async () => {
  h = await GatewayHarness.start({ RATE_LIMIT_PER_ACTOR: '0', RATE_LIMIT_PER_WORKSPACE: '0' });
  [owner, other] = await Promise.all([h.signUp('Consent A'), h.signUp('Consent B')]);
});
afterAll(() => h.stop());

type Answer = Contact & Suppression & { code?: string; errors?: { path: string }[] };
const call = <T = Answer>(method: string, path: string, body?: unknown, as = owner) =>
  http<T>(h.url, method, path, { token: as.accessToken, ...(body !== undefined ? { body } : {}) });
const unique = () => Math.random().toString(36).slice(2, 10);
const consentPath = (id: string, key: string) =>
  `/v1/contacts/${id}/channels/${encodeURIComponent(key)}/consent`;

describe('POST /v1/contacts/:id/channels/:channelId/consent', () => {
  it('records opt-in and opt-out with their history; unknown until then', async () => {
    const email = `c-${unique()}@example.com`;
    const created = await call('POST', '/v1/contacts', {
      displayName: 'Consent',
      channels: [{ type: 'email', value: email }],
    });
    expect(created.body.channels[0].consent).toBeUndefined();

    const optIn = await call('POST', consentPath(created.body.id, `email:${email.toUpperCase()}`), {
      status: 'opted_in',
      source: 'web form',
      ip: '192.0.2.7',
      at: '2026-01-02T03:04:05.000Z',
    });
    expect(optIn.status).toBe(200);
    expect(optIn.body.channels[0]).toMatchObject({
      subscribed: true,
      consent: {
        status: 'opted_in',
        at: '2026-01-02T03:04:05.000Z',
        source: 'web form',
        ip: '192.0.2.7',
      },
    });

    const optOut = await call('POST', consentPath(created.body.id, `email:${email}`), {
      status: 'opted_out',
      source: 'preference centre',
    });
    const channel = optOut.body.channels[0];
    expect(channel.subscribed).toBe(false);
    expect(channel.consent?.status).toBe('opted_out');
    // Server time when `at` is omitted.
    expect(Date.now() - Date.parse(channel.consent!.at!)).toBeGreaterThanOrEqual(0);
    expect(channel.consent?.history?.map((c) => [c.status, c.source])).toEqual([
      ['opted_in', 'web form'],
      ['opted_out', 'preference centre'],
    ]);
    expect(optOut.body.version).toBe(3);
  });

  it('refuses a consent time in the future with problem+json validation_failed', async () => {
    const email = `f-${unique()}@example.com`;
    const c = await call('POST', '/v1/contacts', { channels: [{ type: 'email', value: email }] });
    const res = await call('POST', consentPath(c.body.id, `email:${email}`), {
      status: 'opted_in',
      source: 'web form',
      at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'at' }] });
    expect((await call('GET', `/v1/contacts/${c.body.id}`)).body.version).toBe(1);
  });

  it('answers 404 for a channel the contact does not have, and bad bodies with 400', async () => {
    const c = await call('POST', '/v1/contacts', { displayName: 'No channel' });
    const missing = await call('POST', consentPath(c.body.id, 'email:x@example.com'), {
      status: 'opted_in',
      source: 'x',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    const bad = await call('POST', consentPath(c.body.id, 'email:x@example.com'), {
      status: 'maybe',
      source: 'x',
      extra: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('does not reach a contact of another workspace', async () => {
    const email = `o-${unique()}@example.com`;
    const c = await call('POST', '/v1/contacts', { channels: [{ type: 'email', value: email }] });
    const res = await call(
      'POST',
      consentPath(c.body.id, `email:${email}`),
      { status: 'opted_out', source: 'x' },
      other,
    );
    expect(res.status).toBe(404);
    expect((await call('GET', `/v1/contacts/${c.body.id}`)).body.version).toBe(1);
  });
});

describe('/v1/suppressions', () => {
  it('suppresses by hand, lists, reads and lifts, and channels follow', async () => {
    const email = `s-${unique()}@example.com`;
    const made = await call('POST', '/v1/suppressions', {
      address: email,
      channelType: 'email',
      reason: 'manual',
      note: 'asked by phone',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ address: email, status: 'active', reason: 'manual' });
    const holder = await call('POST', '/v1/contacts', {
      channels: [{ type: 'email', value: email }],
    });
    expect(holder.body.channels[0].suppression).toMatchObject({ reason: 'manual' });

    const list = await call<{ items: Suppression[]; nextCursor: string | null }>(
      'GET',
      `/v1/suppressions?address=${encodeURIComponent(email)}`,
    );
    expect(list.body.items.map((s) => s.id)).toEqual([made.body.id]);
    expect((await call('GET', `/v1/suppressions/${made.body.id}`)).body.history).toHaveLength(1);

    const lifted = await call('DELETE', `/v1/suppressions/${made.body.id}`);
    expect(lifted.status).toBe(200);
    expect(lifted.body.status).toBe('lifted');
    const after = await call('GET', `/v1/contacts/${holder.body.id}`);
    expect(after.body.channels[0].suppression).toBeUndefined();
  });

  it('keeps each workspace to its own list', async () => {
    const made = await call('POST', '/v1/suppressions', {
      address: `x-${unique()}@example.com`,
      channelType: 'email',
    });
    expect((await call('GET', `/v1/suppressions/${made.body.id}`, undefined, other)).status).toBe(
      404,
    );
    expect(
      (await call('DELETE', `/v1/suppressions/${made.body.id}`, undefined, other)).status,
    ).toBe(404);
    const theirs = await call<{ items: Suppression[] }>(
      'GET',
      '/v1/suppressions',
      undefined,
      other,
    );
    expect(theirs.body.items.map((s) => s.id)).not.toContain(made.body.id);
    expect((await call('GET', `/v1/suppressions/${made.body.id}`)).body.status).toBe('active');
  });

  it('refuses bad input with problem+json', async () => {
    const bad = await call('POST', '/v1/suppressions', {
      address: 'not-an-email',
      channelType: 'email',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'address' }] });
    const unknown = await call('POST', '/v1/suppressions', {
      address: 'a@b.co',
      channelType: 'email',
      reason: 'because',
    });
    expect(unknown.status).toBe(400);
    const badCursor = await call('GET', '/v1/suppressions?cursor=zzz');
    expect(badCursor.status).toBe(400);
  });

  it('lets a viewer read but not change the list', async () => {
    const viewer = await h.addMember(owner, 'viewer');
    expect((await call('GET', '/v1/suppressions', undefined, viewer)).status).toBe(200);
    const refused = await call(
      'POST',
      '/v1/suppressions',
      { address: `v-${unique()}@example.com`, channelType: 'email' },
      viewer,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
  });
});
