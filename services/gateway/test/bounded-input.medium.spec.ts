import type { Contact, Problem, Session } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

/**
 * Free-form values are bounded at the edge (docs/decisions/0071): hostile shapes and sizes get a
 * 4xx problem with a code and the path, never a 500 from a serializer or the database.
 */
let h: GatewayHarness;
let owner: Session;

beforeAll(async () => {
  h = await GatewayHarness.start({ RATE_LIMIT_PER_ACTOR: '1000' });
  owner = await h.signUp();
});
afterAll(async () => {
  await h.stop();
});

type Answer = Problem & { errors?: { path: string; message: string }[] };
const post = (path: string, body: unknown) =>
  http<Answer>(h.url, 'POST', path, { token: owner.accessToken, body });

describe('contact metadata', () => {
  it('answers 400 validation_failed for metadata nested 20,000 deep', async () => {
    const depth = 20_000;
    const metadata = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const res = await http<Answer>(h.url, 'POST', '/v1/contacts', {
      token: owner.accessToken,
      headers: { 'content-type': 'application/json' },
      rawBody: `{"displayName":"Deep","metadata":${metadata}}`,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors?.[0].message).toMatch(/nested deeper than/);
  });

  it.each([
    ['a dotted key at depth', { a: { b: { 'c.d': 1 } } }, 'metadata.a.b.c.d'],
    ['nested arrays', { list: [[1], [2]] }, 'metadata.list.0'],
  ])('answers 400 validation_failed with the path for %s', async (_what, metadata, path) => {
    const res = await post('/v1/contacts', { displayName: 'Shape', metadata });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ path })]);
  });

  it('answers 413 payload_too_large for metadata over its byte limit, storing nothing', async () => {
    const res = await post('/v1/contacts', {
      displayName: 'Big',
      metadata: { blob: 'x'.repeat(600 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'metadata' })]);
    const list = await http<{ items: Contact[] }>(h.url, 'GET', '/v1/contacts?limit=100', {
      token: owner.accessToken,
    });
    expect(list.body.items.some((c) => c.displayName === 'Big')).toBe(false);
  });
});

describe('other free-form values', () => {
  it('answers 413 for lead form fields over their byte limit', async () => {
    const fields = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`f${i}`, 'y'.repeat(5000)]),
    );
    const res = await post('/v1/leads', { email: 'big@example.com', source: 'form', fields });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(res.body.errors?.[0].path).toBe('fields');
  });
});
