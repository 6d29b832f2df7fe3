import { EventEnvelope, Problem, RPC, type Contact, type Session } from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import {
  http,
  NatsTap,
  newContact,
  Platform,
  signUp,
  testNamespace,
  waitFor,
} from '@switchboard/testing';

/**
 * The walking skeleton, as clients see it: every process started, HTTP in at the gateway,
 * events out on NATS, the timeline and the segments projection fed by JetStream consumers.
 */
const ns = testNamespace();
let platform: Platform;
let tap: NatsTap<EventEnvelope>;
let rpc: RpcClient;
let alice: Session;
let bob: Session;

beforeAll(async () => {
  platform = await Platform.start(ns);
  tap = await NatsTap.open<EventEnvelope>(ns, `${ns.natsPrefix}crm.>`);
  rpc = new RpcClient({
    ...ns.natsOptions(),
    ns: new SubjectNamespace(ns.natsPrefix),
    signer: ns.rpcSigner(),
  });
  await rpc.connect();
  alice = await signUp(platform.gatewayUrl, { workspaceName: 'Alice & Co' });
  bob = await signUp(platform.gatewayUrl, { workspaceName: 'Bob Ltd' });
});

afterAll(async () => {
  await rpc.close();
  await tap.close();
  await platform.stop();
});

describe('walking skeleton through every layer', () => {
  it('every process reports live and ready', async () => {
    for (const proc of platform.processes.values()) {
      expect((await http(proc.url, 'GET', '/health/live')).status).toBe(200);
      const ready = await http(proc.url, 'GET', '/health/ready');
      expect({ service: proc.name, status: ready.status }).toEqual({
        service: proc.name,
        status: 200,
      });
    }
  });

  it('signs up, logs in with a signed JWT that carries the workspace', async () => {
    expect(alice.workspace.name).toBe('Alice & Co');
    const [, payload] = alice.accessToken.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      ws: alice.workspace.id,
      sub: alice.user.id,
    });

    const login = await http<Session>(platform.gatewayUrl, 'POST', '/v1/auth/login', {
      body: { email: alice.user.email, password: 'correct horse battery staple' },
    });
    expect(login.status).toBe(200);
    expect(login.body.workspace.id).toBe(alice.workspace.id);
    const wrong = await http<Problem>(platform.gatewayUrl, 'POST', '/v1/auth/login', {
      body: { email: alice.user.email, password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(wrong.body.code).toBe('unauthenticated');
  });

  it('creates a contact over HTTP; the event, the timeline entry and the projection follow', async () => {
    const created = await http<Contact>(platform.gatewayUrl, 'POST', '/v1/contacts', {
      token: alice.accessToken,
      headers: { 'x-request-id': 'e2e-create-1' },
      body: {
        firstName: 'Katherine',
        lastName: 'Johnson',
        channels: [{ type: 'email', value: 'Katherine@NASA.gov' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe('e2e-create-1');
    const contact = created.body;
    expect(contact).toMatchObject({
      displayName: 'Katherine Johnson',
      workspaceId: alice.workspace.id,
    });

    const got = await http<Contact>(platform.gatewayUrl, 'GET', `/v1/contacts/${contact.id}`, {
      token: alice.accessToken,
    });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(contact);

    // The event, on a plain NATS subscription, in the documented envelope.
    const msg = await tap.waitFor((m) => m.data.aggregate?.id === contact.id);
    expect(msg.subject).toBe(`${ns.natsPrefix}crm.${alice.workspace.id}.contact.created`);
    const event = EventEnvelope.strict().parse(msg.data);
    expect(event).toMatchObject({
      type: 'contact.created',
      version: 1,
      workspaceId: alice.workspace.id,
      actor: { type: 'user', id: alice.user.id },
      aggregate: { type: 'contact', id: contact.id, version: 1 },
      data: { contact },
      requestId: 'e2e-create-1',
    });
    expect(msg.headers?.get('Nats-Msg-Id')).toBe(event.id);

    // The activity service recorded it on the timeline.
    const timeline = await waitFor(async () => {
      const res = await http<{
        items: { type: string; sourceEventId: string }[];
        nextCursor: string | null;
      }>(platform.gatewayUrl, 'GET', `/v1/contacts/${contact.id}/timeline`, {
        token: alice.accessToken,
      });
      return res.status === 200 && res.body.items.length > 0 ? res.body : undefined;
    });
    expect(timeline.items).toEqual([
      expect.objectContaining({ type: 'contact.created', sourceEventId: event.id }),
    ]);
    expect(timeline.nextCursor).toBeNull();

    // The segments service keeps its projection of the contact.
    const projection = await waitFor(() =>
      rpc
        .call(
          RPC.segments.projection,
          {
            workspaceId: alice.workspace.id,
            actor: { type: 'service', id: 'e2e' },
            role: 'owner',
            capabilities: [],
            scope: 'all',
            requestId: newId(),
          },
          { contactId: contact.id },
        )
        .catch(() => undefined),
    );
    expect(projection).toMatchObject({
      contactId: contact.id,
      version: 1,
      email: 'katherine@nasa.gov',
      status: 'active',
    });
  });

  it('keeps workspaces apart: another workspace gets 404 for the contact and its timeline', async () => {
    const contact = await newContact(platform.gatewayUrl, alice.accessToken);
    for (const path of [`/v1/contacts/${contact.id}`, `/v1/contacts/${contact.id}/timeline`]) {
      const res = await http<Problem>(platform.gatewayUrl, 'GET', path, { token: bob.accessToken });
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 404,
        code: 'not_found',
      });
    }
  });

  it('answers bad requests with problem+json and stores nothing', async () => {
    const unknownField = await http<Problem>(platform.gatewayUrl, 'POST', '/v1/contacts', {
      token: alice.accessToken,
      body: { displayName: 'X', favouriteColour: 'blue' },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(unknownField.body.errors?.[0]?.path).toBe('favouriteColour');

    const first = await newContact(platform.gatewayUrl, alice.accessToken, {
      channels: [{ type: 'email', value: 'twin@example.com' }],
    });
    const dup = await http<Problem & { duplicateOf: string }>(
      platform.gatewayUrl,
      'POST',
      '/v1/contacts',
      {
        token: alice.accessToken,
        body: { displayName: 'Twin', channels: [{ type: 'email', value: 'TWIN@example.com' }] },
      },
    );
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'duplicate_contact', duplicateOf: first.id });

    const anonymous = await http<Problem>(platform.gatewayUrl, 'GET', `/v1/contacts/${first.id}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
  });
});
