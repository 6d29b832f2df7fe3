import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  ConflictError,
  NotFoundError,
  paginate,
  collect,
  Switchboard,
  UnauthenticatedError,
  unwrap,
  idempotencyKey,
  type Schema,
  type Tokens,
} from '@switchboard/sdk';
import { Platform, testNamespace, waitFor } from '@switchboard/testing';

/**
 * The SDK as a customer's code uses it: typed calls generated from the OpenAPI document the
 * running gateway serves, a signup → contact → segment flow, token refresh, API keys,
 * idempotency keys, pagination and problem+json refusals as exceptions, across two tenants.
 */
const ns = testNamespace();
const run = promisify(execFile);
let platform: Platform;

const unique = () => randomBytes(4).toString('hex');

async function newWorkspace(onTokens?: (t: Tokens) => void): Promise<Switchboard> {
  const sb = new Switchboard({ baseUrl: platform.gatewayUrl, onTokens });
  await sb.signUp({
    email: `sdk-${unique()}@example.com`,
    password: 'correct horse battery staple',
    name: 'SDK Owner',
    workspaceName: `SDK ${unique()}`,
  });
  return sb;
}

const newContact = (sb: Switchboard, email: string, tags: string[] = []) =>
  unwrap(
    sb.api.POST('/v1/contacts', {
      body: {
        firstName: 'Ada',
        lastName: email,
        channels: [{ type: 'email', value: email }],
        tags,
      },
    }),
  );

beforeAll(async () => {
  platform = await Platform.start(ns, ['gateway', 'contacts', 'segments', 'segment-worker']);
});

afterAll(async () => {
  await platform?.stop();
});

describe('the SDK against a running platform', () => {
  it('was generated from the OpenAPI document the gateway serves', async () => {
    const script = resolve(__dirname, '../packages/sdk/scripts/generate.mjs');
    const { stdout } = await run(process.execPath, [
      script,
      '--check',
      '--from',
      `${platform.gatewayUrl}/openapi.json`,
    ]);
    expect(stdout).toMatch(/up to date/);
  });

  it('signs up, creates a contact and puts it in a segment', async () => {
    const tokens: Tokens[] = [];
    const sb = await newWorkspace((t) => tokens.push(t));
    expect(tokens).toHaveLength(1);
    const me = await unwrap(sb.api.GET('/v1/me'));
    expect(me.role).toBe('owner');

    const ada: Schema<'Contact'> = await newContact(sb, `ada-${unique()}@example.com`, ['vip']);
    expect(ada).toMatchObject({ displayName: expect.stringMatching(/^Ada /), tags: ['vip'] });

    const segment = await unwrap(
      sb.api.POST('/v1/segments', { body: { name: 'Hand-picked', type: 'static' } }),
    );
    await unwrap(
      sb.api.POST('/v1/segments/{id}/members', {
        params: { path: { id: segment.id } },
        body: { add: [ada.id] },
      }),
    );
    // An explicit change is applied by the segment worker (decision 0075): read until it shows.
    const readMembers = () =>
      collect(
        paginate((cursor) =>
          sb.api.GET('/v1/segments/{id}/members', {
            params: { path: { id: segment.id }, query: { cursor } },
          }),
        ),
      );
    await waitFor(async () => (await readMembers()).length > 0, {
      what: 'the explicit member',
      timeoutMs: 30_000,
    });
    const members = await readMembers();
    expect(members).toEqual([{ contactId: ada.id, via: 'explicit', joinedAt: expect.any(String) }]);

    const vip = await unwrap(
      sb.api.POST('/v1/segments', {
        body: {
          name: 'VIP',
          type: 'dynamic',
          filter: { field: 'tags', op: 'has_any', value: ['vip'] },
        },
      }),
    );
    const joined = await waitFor(async () => {
      const page = await unwrap(
        sb.api.GET('/v1/segments/{id}/members', { params: { path: { id: vip.id } } }),
      );
      return page.items.length > 0 ? page.items : undefined;
    });
    expect(joined).toEqual([{ contactId: ada.id, via: 'rule', joinedAt: expect.any(String) }]);
  });

  it('follows nextCursor through every page', async () => {
    const sb = await newWorkspace();
    const emails = Array.from({ length: 5 }, (_, i) => `page-${i}-${unique()}@example.com`);
    for (const email of emails) await newContact(sb, email);
    const seen = await collect(
      paginate((cursor) =>
        sb.api.GET('/v1/contacts', { params: { query: { limit: 2, cursor, sort: 'createdAt' } } }),
      ),
    );
    expect(seen.map((c) => c.channels[0]?.value)).toEqual(emails);
  });

  it('throws problem+json refusals as typed exceptions, and keeps tenants apart', async () => {
    const alice = await newWorkspace();
    const bob = await newWorkspace();
    const email = `dup-${unique()}@example.com`;
    const contact = await newContact(alice, email);
    const duplicate = await newContact(alice, email).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect(duplicate).toMatchObject({ status: 409, code: 'duplicate_contact' });

    const foreign = await unwrap(
      bob.api.GET('/v1/contacts/{id}', { params: { path: { id: contact.id } } }),
    ).catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign).toMatchObject({ status: 404, code: 'not_found' });

    const invalid = await unwrap(
      alice.api.POST('/v1/segments', {
        body: { name: '', type: 'static' },
      }),
    ).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('replays a POST sent twice with one idempotency key', async () => {
    const sb = await newWorkspace();
    const key = idempotencyKey();
    const body = {
      firstName: 'Once',
      channels: [{ type: 'email' as const, value: `once-${unique()}@example.com` }],
    };
    const first = await unwrap(
      sb.api.POST('/v1/contacts', { body, params: { header: { 'idempotency-key': key } } }),
    );
    const again = await unwrap(
      sb.api.POST('/v1/contacts', { body, params: { header: { 'idempotency-key': key } } }),
    );
    expect(again.id).toBe(first.id);
    const all = await unwrap(sb.api.GET('/v1/contacts'));
    expect(all.items.map((c) => c.id)).toEqual([first.id]);
  });

  it('refreshes a rejected access token once and goes on with the new pair', async () => {
    const tokens: Tokens[] = [];
    const owner = await newWorkspace((t) => tokens.push(t));
    const { refreshToken } = tokens[0];
    const sb = new Switchboard({
      baseUrl: platform.gatewayUrl,
      credentials: { accessToken: 'not-a-valid-token', refreshToken },
      onTokens: (t) => tokens.push(t),
    });
    const contact = await newContact(sb, `refreshed-${unique()}@example.com`);
    expect(tokens).toHaveLength(2);
    expect(tokens[1].refreshToken).not.toBe(refreshToken);
    const seen = await unwrap(
      owner.api.GET('/v1/contacts/{id}', { params: { path: { id: contact.id } } }),
    );
    expect(seen.id).toBe(contact.id);

    // The spent refresh token is refused (and revokes its family): no silent loop.
    const stale = new Switchboard({
      baseUrl: platform.gatewayUrl,
      credentials: { accessToken: 'not-a-valid-token', refreshToken },
    });
    await expect(unwrap(stale.api.GET('/v1/me'))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('authenticates with an API key', async () => {
    const owner = await newWorkspace();
    const created = await unwrap(
      owner.api.POST('/v1/api-keys', { body: { name: 'sync', role: 'admin' } }),
    );
    const sb = new Switchboard({
      baseUrl: platform.gatewayUrl,
      credentials: { apiKey: created.key },
    });
    const me = await unwrap(sb.api.GET('/v1/me'));
    expect(me.role).toBe('admin');
    await unwrap(owner.api.DELETE('/v1/api-keys/{id}', { params: { path: { id: created.id } } }));
    await expect(unwrap(sb.api.GET('/v1/me'))).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
    });
  });
});
