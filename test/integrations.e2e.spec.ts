import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, credsAuthenticator, Events, type NatsConnection } from 'nats';
import type {
  Contact,
  IntegrationCreated,
  IntegrationKind,
  Page,
  Session,
  TimelineEntry,
} from '@switchboard/contracts';
import { http, newContact, Platform, signUp, testNamespace, waitFor } from '@switchboard/testing';
import { ExampleProcess } from './support/example-process';

/**
 * Integrations as outside systems meet them (issue 14): a campaign system and a messaging
 * service get NATS credentials over HTTP and connect with them, through the runnable examples
 * under `examples/` where one fits. Their reach ends at their own workspace, they call no
 * service, and revoking them shuts them out.
 */
interface Listened {
  event: 'ready' | 'joined' | 'left';
  id?: string;
  segmentId?: string;
  contactId?: string;
  contact?: { displayName: string; channels: { type: string; value: string }[] };
}
interface Published {
  event?: string;
  id?: string;
  seq?: number;
  error?: string;
}

const ns = testNamespace();
const dir = mkdtempSync(join(tmpdir(), 'sb-integrations-'));
let platform: Platform;
let alice: Session;
let bob: Session;
const running: ExampleProcess<unknown>[] = [];
const opened: NatsConnection[] = [];

const call = <T>(s: Session, method: string, path: string, body?: unknown) =>
  http<T>(platform.gatewayUrl, method, path, { token: s.accessToken, body });

async function integration(s: Session, kind: IntegrationKind) {
  const res = await call<IntegrationCreated>(s, 'POST', '/v1/integrations', {
    name: `${kind} of ${s.workspace.name}`,
    kind,
  });
  if (res.status !== 201) throw new Error(`integration: ${res.status} ${JSON.stringify(res.body)}`);
  const credsPath = join(dir, `${res.body.id}.creds`);
  writeFileSync(credsPath, res.body.creds, { mode: 0o600 });
  return { ...res.body, credsPath };
}
type Issued = Awaited<ReturnType<typeof integration>>;

/** The arguments every example takes, for one integration. */
const argsOf = (i: Issued, workspace = i.workspaceId) => ({
  creds: i.credsPath,
  server: i.natsUrl,
  workspace,
  integration: i.id,
  prefix: ns.natsPrefix,
});

function listener(i: Issued, mode: 'core' | 'durable'): ExampleProcess<Listened> {
  const p = new ExampleProcess<Listened>('campaign-listener/listener.mjs', { ...argsOf(i), mode });
  running.push(p);
  return p;
}

async function publish(args: Record<string, string>) {
  const p = new ExampleProcess<Published>('messaging-publisher/publisher.mjs', args);
  running.push(p);
  return { code: await p.exit(), lines: p.lines, stderr: p.stderr };
}

/** A raw connection with an integration's credentials; `errors` collects what the server says. */
async function connectAs(i: Issued, reconnect = true) {
  const nc = await connect({
    servers: i.natsUrl,
    authenticator: credsAuthenticator(new TextEncoder().encode(i.creds)),
    inboxPrefix: i.inboxPrefix,
    reconnect,
  });
  opened.push(nc);
  const errors: string[] = [];
  void (async () => {
    for await (const s of nc.status())
      if (s.type === Events.Error)
        errors.push(typeof s.data === 'string' ? s.data : JSON.stringify(s.data));
  })();
  return { nc, errors };
}

const permissionError = (errors: string[], op: 'Subscription', subject: string) =>
  waitFor(
    () =>
      errors.find((e) =>
        e.toLowerCase().includes(`permissions violation for ${op.toLowerCase()} to "${subject}"`),
      ),
    {
      what: `a permission error for ${op.toLowerCase()} to ${subject} (got: ${errors.join('; ')})`,
    },
  );

/** A dynamic segment of the contacts tagged `tag`, once its first evaluation is done. */
async function taggedSegment(s: Session, name: string, tag: string): Promise<string> {
  const res = await call<{ id: string }>(s, 'POST', '/v1/segments', {
    name,
    type: 'dynamic',
    filter: { field: 'tags', op: 'has_any', value: [tag] },
  });
  if (res.status !== 201) throw new Error(`segment: ${res.status}`);
  await waitFor(
    async () =>
      (await call<{ status: string }>(s, 'GET', `/v1/segments/${res.body.id}`)).body.status ===
      'ready',
    { what: 'the segment to be ready', timeoutMs: 30_000 },
  );
  return res.body.id;
}
const tags = (s: Session, contactId: string, change: { add?: string[]; remove?: string[] }) =>
  call(s, 'POST', `/v1/contacts/${contactId}/tags`, { add: [], remove: [], ...change });

const isChange =
  (event: 'joined' | 'left', segmentId: string, contactId: string) => (l: Listened) =>
    l.event === event && l.segmentId === segmentId && l.contactId === contactId;

beforeAll(async () => {
  platform = new Platform(ns);
  await Promise.all([
    // Revocations are re-checked against NATS every second here (30 s by default).
    platform.startOne('gateway', { INTEGRATIONS_SYNC_MS: '1000' }),
    ...(['contacts', 'segments', 'segment-worker', 'activity'] as const).map((s) =>
      platform.startOne(s),
    ),
  ]);
  [alice, bob] = await Promise.all([signUp(platform.gatewayUrl), signUp(platform.gatewayUrl)]);
});

afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
  await Promise.all(opened.map(async (nc) => (nc.isClosed() ? undefined : nc.close())));
  await platform?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('integrations over NATS', () => {
  it('refuses a connection without credentials', async () => {
    await expect(connect({ servers: ns.natsUrl, reconnect: false })).rejects.toThrow(
      /authorization/i,
    );
  });

  it('a campaign system hears its workspace live and through its durable consumer, resuming after a stop', async () => {
    const campaign = await integration(alice, 'campaign');
    const live = listener(campaign, 'core');
    let durable = listener(campaign, 'durable');
    await live.waitFor((l) => l.event === 'ready', 'the core listener');
    await durable.waitFor((l) => l.event === 'ready', 'the durable listener');

    const ada = await newContact(platform.gatewayUrl, alice.accessToken, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      channels: [{ type: 'email', value: `ada-${ns.id}@example.com`, primary: true }],
    });
    const grace = await newContact(platform.gatewayUrl, alice.accessToken, {
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    const vip = await taggedSegment(alice, 'VIP', 'vip');
    expect((await tags(alice, ada.id, { add: ['vip'] })).status).toBe(200);

    for (const p of [live, durable]) {
      const joined = await p.waitFor(isChange('joined', vip, ada.id), 'Ada joining VIP');
      expect(joined.contact).toMatchObject({
        displayName: 'Ada Lovelace',
        channels: [{ type: 'email', value: `ada-${ns.id}@example.com` }],
      });
    }

    // The campaign system goes down; meanwhile Grace joins and Ada leaves.
    await durable.stop();
    expect((await tags(alice, grace.id, { add: ['vip'] })).status).toBe(200);
    expect((await tags(alice, ada.id, { remove: ['vip'] })).status).toBe(200);
    await live.waitFor(isChange('left', vip, ada.id), 'Ada leaving, live');

    // Back up: it resumes after the last event it acknowledged, and misses nothing.
    durable = listener(campaign, 'durable');
    const left = await durable.waitFor(isChange('left', vip, ada.id), 'Ada leaving, resumed');
    const upToLeft = durable.lines.slice(0, durable.lines.indexOf(left) + 1);
    expect(upToLeft.filter(isChange('joined', vip, grace.id))).toHaveLength(1);
    expect(upToLeft.filter(isChange('joined', vip, ada.id))).toHaveLength(0);
  });

  it('confines a campaign integration to its workspace and keeps it away from the services', async () => {
    const campaign = await integration(alice, 'campaign');
    const { nc, errors } = await connectAs(campaign);
    nc.subscribe(`${ns.natsPrefix}crm.${bob.workspace.id}.>`, {
      callback: (err) => err && errors.push(err.message),
    });
    await permissionError(errors, 'Subscription', `${ns.natsPrefix}crm.${bob.workspace.id}.>`);

    await expect(
      nc.request(`${ns.natsPrefix}rpc.contacts.list`, new TextEncoder().encode('{}'), {
        timeout: 5000,
      }),
    ).rejects.toThrow(/permissions violation for publish/i);

    // Another integration's durable consumer is not its to create.
    const jsm = await nc.jetstreamManager({ checkAPI: false });
    await expect(
      jsm.consumers.add(`${ns.natsPrefix.slice(0, -1)}_CRM_EVENTS`, {
        durable_name: 'someone-else',
        filter_subject: `${ns.natsPrefix}crm.${alice.workspace.id}.>`,
      }),
    ).rejects.toThrow();
  });

  it("a messaging service's sent/opened/replied land on the contact's timeline, and nowhere else", async () => {
    const messaging = await integration(alice, 'messaging');
    const ada = await newContact(platform.gatewayUrl, alice.accessToken);
    const sent = await publish({
      ...argsOf(messaging),
      contact: ada.id,
      events: 'sent,opened,replied',
      campaign: 'spring',
    });
    expect(sent).toMatchObject({ code: 0 });
    expect(sent.lines.map((l) => l.event)).toEqual(['sent', 'opened', 'replied']);

    const line = await waitFor(
      async () => {
        const res = await call<Page<TimelineEntry>>(
          alice,
          'GET',
          `/v1/contacts/${ada.id}/timeline?limit=200`,
        );
        const email = res.body.items.filter((e) => e.type.startsWith('email.'));
        return email.length >= 3 ? email : undefined;
      },
      { what: "the messaging events on Ada's timeline", timeoutMs: 30_000 },
    );
    expect(line.map((e) => e.type)).toEqual(['email.replied', 'email.opened', 'email.sent']);

    // Bob's workspace is out of reach: the publish is refused and the script says so.
    const bobs: Contact = await newContact(platform.gatewayUrl, bob.accessToken);
    const refused = await publish({
      ...argsOf(messaging, bob.workspace.id),
      contact: bobs.id,
      events: 'sent',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/permissions violation for publish/i);

    const { nc } = await connectAs(messaging);
    await expect(
      nc.request(`${ns.natsPrefix}rpc.contacts.list`, new TextEncoder().encode('{}'), {
        timeout: 5000,
      }),
    ).rejects.toThrow(/permissions violation for publish/i);
  });

  it('revoking closes the open connection and refuses the next one', async () => {
    const campaign = await integration(alice, 'campaign');
    const { nc } = await connectAs(campaign, false);
    const closed = nc.closed();
    const revoke = await call(alice, 'DELETE', `/v1/integrations/${campaign.id}`);
    expect(revoke.status).toBe(204);
    // The contract: within 10 s (NATS closes it as soon as it holds the new revocation list).
    await waitFor(() => nc.isClosed(), { timeoutMs: 10_000, what: 'the connection to close' });
    await closed;

    await expect(
      connect({
        servers: campaign.natsUrl,
        authenticator: credsAuthenticator(new TextEncoder().encode(campaign.creds)),
        inboxPrefix: campaign.inboxPrefix,
        reconnect: false,
      }),
    ).rejects.toThrow(/revoked|authorization/i);
  });
});
