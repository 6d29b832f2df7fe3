import { connect, credsAuthenticator, nkeys } from 'nats';
import {
  EventEnvelope,
  Integration,
  IntegrationCreated,
  type Page,
  type Problem,
  type Session,
} from '@switchboard/contracts';
import { http, NatsTap, waitFor } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

let h: GatewayHarness;
let owner: Session;
let other: Session;

beforeAll(async () => {
  h = await GatewayHarness.start();
  [owner, other] = await Promise.all([h.signUp('Integrated Co'), h.signUp('Other Co')]);
});
afterAll(() => h.stop());

const call = <T = unknown>(s: Session, method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, { token: s.accessToken, body });
const create = (s: Session, name: string, kind: string) =>
  call<IntegrationCreated>(s, 'POST', '/v1/integrations', { name, kind });

/** The two armoured blocks of a NATS credentials file. */
function parseCreds(text: string): { jwt: string; seed: string } {
  const block = (label: string) =>
    new RegExp(`-----BEGIN ${label}-----\\s*\\n\\s*(\\S+)\\s*\\n\\s*------END ${label}------`).exec(
      text,
    )?.[1];
  const jwt = block('NATS USER JWT');
  const seed = block('USER NKEY SEED');
  if (!jwt || !seed) throw new Error(`not a creds file:\n${text}`);
  return { jwt, seed };
}

const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as {
    sub: string;
    nats: { pub?: { allow?: string[] }; sub?: { allow?: string[] } };
  };

describe('integrations (NATS credentials as a product feature)', () => {
  it('issues a creds file once, for a user confined to the workspace', async () => {
    const res = await create(owner, 'Spring campaigns', 'campaign');
    expect(res.status).toBe(201);
    const body = IntegrationCreated.parse(res.body);
    const ws = owner.workspace.id;
    expect(body).toMatchObject({
      name: 'Spring campaigns',
      kind: 'campaign',
      workspaceId: ws,
      durableName: body.id,
      inboxPrefix: `_INBOX_${h.ns.natsPrefix.slice(0, -1)}_${body.id}`,
      subscribe: `${h.ns.natsPrefix}crm.${ws}.>`,
      publish: null,
      revokedAt: null,
    });
    expect(body.natsUrl).toBeTruthy();

    const { jwt, seed } = parseCreds(body.creds);
    const user = claims(jwt);
    expect(user.sub).toBe(body.userPublicKey);
    // The seed in the file is the private half of exactly that user.
    expect(nkeys.fromSeed(new TextEncoder().encode(seed)).getPublicKey()).toBe(user.sub);
    expect(user.nats.sub?.allow).toContain(`${h.ns.natsPrefix}crm.${ws}.>`);
    expect(JSON.stringify(user.nats)).not.toContain(`${h.ns.natsPrefix}crm.${other.workspace.id}`);
    expect(JSON.stringify(user.nats.pub ?? {})).not.toContain('messaging.');

    const messaging = await create(owner, 'Mailer', 'messaging');
    expect(messaging.status).toBe(201);
    expect(messaging.body.publish).toBe(`${h.ns.natsPrefix}messaging.${ws}.>`);
    expect(claims(parseCreds(messaging.body.creds).jwt).nats.pub?.allow).toContain(
      `${h.ns.natsPrefix}messaging.${ws}.>`,
    );
  });

  it('refuses bad bodies and roles without integrations.manage', async () => {
    const bad = await create(owner, 'x', 'carrier-pigeon');
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as Problem).code).toBe('validation_failed');
    const extra = await call<Problem>(owner, 'POST', '/v1/integrations', {
      name: 'x',
      kind: 'campaign',
      seed: 'mine',
    });
    expect(extra.status).toBe(400);

    for (const role of ['manager', 'member', 'viewer']) {
      const someone = await h.addMember(owner, role);
      expect((await create(someone, 'sneaky', 'campaign')).status).toBe(403);
      expect((await call(someone, 'GET', '/v1/integrations')).status).toBe(403);
    }
    const admin = await h.addMember(owner, 'admin');
    expect((await create(admin, 'by an admin', 'campaign')).status).toBe(201);
  });

  it('lists a page at a time and never shows a secret', async () => {
    const ws = await h.signUp('Listed Co');
    const made = [];
    for (const name of ['one', 'two', 'three'])
      made.push((await create(ws, name, 'campaign')).body);
    const first = await call<Page<Integration>>(ws, 'GET', '/v1/integrations?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i) => i.name)).toEqual(['one', 'two']);
    expect(first.body.nextCursor).toBeTruthy();
    const rest = await call<Page<Integration>>(
      ws,
      'GET',
      `/v1/integrations?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body).toEqual({
      items: [expect.objectContaining({ name: 'three' })],
      nextCursor: null,
    });

    const text = JSON.stringify([first.body, rest.body]);
    expect(text).not.toContain('creds');
    for (const m of made) {
      const { jwt, seed } = parseCreds(m.creds);
      expect(text).not.toContain(seed);
      expect(text).not.toContain(jwt);
    }
    for (const item of [...first.body.items, ...rest.body.items]) Integration.strict().parse(item);

    // Another workspace sees none of them.
    const theirs = await call<Page<Integration>>(other, 'GET', '/v1/integrations');
    expect(theirs.body.items.map((i) => i.id)).not.toEqual(expect.arrayContaining([made[0].id]));
  });

  it('revokes idempotently, only within the workspace, with audit events', async () => {
    const tap = await NatsTap.open<EventEnvelope>(
      h.ns,
      `${h.ns.natsPrefix}crm.${owner.workspace.id}.integration.>`,
    );
    try {
      const made = (await create(owner, 'Short-lived', 'messaging')).body;
      const created = await tap.waitFor(
        (m) => m.data.type === 'integration.created' && m.data.aggregate.id === made.id,
      );
      expect(created.data).toMatchObject({
        actor: { type: 'user', id: owner.user.id },
        data: { integrationId: made.id, kind: 'messaging', userPublicKey: made.userPublicKey },
      });
      expect(JSON.stringify(created.data)).not.toContain(parseCreds(made.creds).seed);

      // Another workspace cannot see or revoke it.
      expect((await call<Problem>(other, 'DELETE', `/v1/integrations/${made.id}`)).status).toBe(
        404,
      );
      expect((await call(owner, 'DELETE', '/v1/integrations/no-such-integration')).status).toBe(
        404,
      );

      const connectWith = () =>
        connect({
          servers: h.ns.natsUrl,
          authenticator: credsAuthenticator(new TextEncoder().encode(made.creds)),
          inboxPrefix: made.inboxPrefix,
          reconnect: false,
        });
      const open = await connectWith();
      expect((await call(owner, 'DELETE', `/v1/integrations/${made.id}`)).status).toBe(204);
      expect((await call(owner, 'DELETE', `/v1/integrations/${made.id}`)).status).toBe(204);
      // NATS holds the revocation: the open connection is closed, the next one refused.
      await waitFor(() => open.isClosed(), { timeoutMs: 10_000, what: 'the connection to close' });
      await expect(connectWith()).rejects.toThrow(/authorization/i);
      const revoked = await tap.waitFor(
        (m) => m.data.type === 'integration.revoked' && m.data.aggregate.id === made.id,
      );
      expect(revoked.data).toMatchObject({ data: { revokedBy: owner.user.id } });
      expect(
        tap.count((m) => m.data.type === 'integration.revoked' && m.data.aggregate.id === made.id),
      ).toBe(1);

      const list = await call<Page<Integration>>(owner, 'GET', '/v1/integrations?limit=200');
      expect(list.body.items.find((i) => i.id === made.id)?.revokedAt).toEqual(expect.any(String));
    } finally {
      await tap.close();
    }
  });
});
