import { parse } from 'csv-parse/sync';
import mongoose from 'mongoose';
import { type NatsConnection } from 'nats';
import type {
  Contact,
  EventEnvelope,
  ExportCompletedV1,
  ExportStartedV1,
  Session,
} from '@switchboard/contracts';
import { newId } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import {
  http,
  NatsTap,
  newContact,
  signUp,
  startInProcess,
  TEST_JWT_SECRET,
  testNamespace,
} from '@switchboard/testing';
import { gatewayService } from '../../gateway/src/app.module';
import { GatewayConfig } from '../../gateway/src/config';
import { contactsService } from '../src/app.module';
import { ContactsConfig } from '../src/config';

/**
 * `GET /v1/contacts/export` through the gateway: the CSV as a client receives it, streamed
 * over several pages, and the audit event on NATS.
 */
const ns = testNamespace();
let contacts: RunningService;
let gateway: RunningService;
let nc: NatsConnection;
let db: mongoose.Connection;
let tap: NatsTap<EventEnvelope<ExportCompletedV1>>;
let alice: Session;
let bob: Session;
let ada: Contact;
const BULK = 320; // more than one export page (250 rows)

const csvOf = async (s: Session, query = '') => {
  const res = await fetch(`${gateway.url}/v1/contacts/export${query}`, {
    headers: { authorization: `Bearer ${s.accessToken}` },
  });
  const text = await res.text();
  const rows: string[][] = res.status === 200 ? parse(text) : [];
  return { res, text, header: rows[0] ?? [], rows: rows.slice(1) };
};

const exportEvent = (s: Session, match: (d: ExportCompletedV1) => boolean) =>
  tap.waitFor((m) => m.data.workspaceId === s.workspace.id && match(m.data.data));

async function inBatches<T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += 16) {
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(16, n - i) }, (_, j) => make(i + j)))),
    );
  }
  return out;
}

beforeAll(async () => {
  contacts = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
  gateway = await startInProcess(ns, 'gateway', GatewayConfig, gatewayService, {
    JWT_SECRET: TEST_JWT_SECRET,
  });
  nc = await ns.natsConnect();
  tap = await NatsTap.open(nc, `${ns.natsPrefix}crm.*.export.completed`);
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('contacts') }).asPromise();
  [alice, bob] = await Promise.all([signUp(gateway.url), signUp(gateway.url)]);
  const now = new Date();
  // The workspace's custom-field definition (a fixture: its routes are another part's).
  await db.collection<Record<string, unknown> & { _id: string }>('custom_fields').insertOne({
    _id: newId(),
    workspaceId: alice.workspace.id,
    entity: 'contact',
    slug: 'plan',
    label: 'Plan',
    type: 'text',
    options: [],
    required: false,
    validation: null,
    status: 'active',
    retiredAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  ada = await newContact(gateway.url, alice.accessToken, {
    firstName: 'Ada',
    lastName: 'Lovelace',
    channels: [
      { type: 'email', value: 'Ada@Example.com' },
      { type: 'phone', value: '+33 6 12 34 56 78' },
    ],
    tags: ['vip', 'b2b'],
    stage: 'lead',
    birthMonth: 12,
    birthDay: 10,
    customFields: { plan: 'pro, "annual"' },
  });
  await newContact(gateway.url, alice.accessToken, {
    firstName: undefined,
    lastName: undefined,
    displayName: '=HYPERLINK("http://evil")',
    channels: [],
  });
  await inBatches(BULK, (i) =>
    newContact(gateway.url, alice.accessToken, {
      firstName: `Bulk${String(i).padStart(3, '0')}`,
      lastName: 'Row',
      channels: [],
      tags: ['bulk'],
    }),
  );
  await newContact(gateway.url, bob.accessToken, {
    firstName: 'Bobs',
    lastName: 'Builder',
    channels: [],
    tags: ['bulk'],
  });
}, 180_000);

afterAll(async () => {
  await tap.close();
  await nc.close();
  await db.close();
  await gateway.stop();
  await contacts.stop();
});

describe('GET /v1/contacts/export', () => {
  it('streams every filtered contact as CSV over several pages, in the list order', async () => {
    const { res, header, rows } = await csvOf(alice, '?tags=bulk&sort=displayName');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="contacts-/);
    // Streamed: sent in chunks as pages arrive, no length known up front.
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    expect(header.slice(0, 6)).toEqual([
      'id',
      'displayName',
      'firstName',
      'lastName',
      'email',
      'phone',
    ]);
    expect(header[header.length - 1]).toBe('custom.plan');
    expect(rows).toHaveLength(BULK);
    const names = rows.map((r) => r[header.indexOf('firstName')]);
    expect(names).toEqual(
      Array.from({ length: BULK }, (_, i) => `Bulk${String(i).padStart(3, '0')}`),
    );
    expect(new Set(rows.map((r) => r[0])).size).toBe(BULK);

    const event = await exportEvent(alice, (d) => d.count === BULK);
    expect(event.data).toMatchObject({
      type: 'export.completed',
      actor: { type: 'user', id: alice.user.id },
      aggregate: { type: 'export' },
      data: {
        status: 'completed',
        format: 'csv',
        count: BULK,
        auditTags: ['contacts.pii_movement'],
        query: { tags: ['bulk'], sort: 'displayName', status: 'active' },
      },
    });
  });

  it('writes the stable columns of a contact, quoting what needs it', async () => {
    const { header, rows } = await csvOf(alice, `?q=${encodeURIComponent('ada@example')}`);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(row).toMatchObject({
      id: ada.id,
      displayName: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+33612345678',
      tags: 'vip;b2b',
      stage: 'lead',
      ownerId: '',
      status: 'active',
      createdAt: ada.createdAt,
      lastTouchAt: ada.createdAt,
      birthMonth: '12',
      birthDay: '10',
      'custom.plan': 'pro, "annual"',
    });
  });

  it('records the export before its first byte, and its end after', async () => {
    const startedTap = await NatsTap.open<EventEnvelope<ExportStartedV1>>(
      nc,
      `${ns.natsPrefix}crm.*.export.started`,
    );
    try {
      const res = await fetch(`${gateway.url}/v1/contacts/export?q=zzz-before-first-byte`, {
        headers: { authorization: `Bearer ${alice.accessToken}` },
      });
      expect(res.status).toBe(200);
      // Not a byte of the body read: the export is on record already (a crash now leaves it).
      const started = await startedTap.waitFor(
        (m) => m.data.data.query.q === 'zzz-before-first-byte',
      );
      expect(started.data).toMatchObject({
        type: 'export.started',
        actor: { type: 'user', id: alice.user.id },
        aggregate: { type: 'export', version: 1 },
        data: { format: 'csv', auditTags: ['contacts.pii_movement'] },
      });
      const { exportId } = started.data.data;
      const stored = await db.collection('contact_exports').findOne({ _id: exportId as never });
      expect(stored?.status).toBe('started');
      await res.text();
      const done = await exportEvent(alice, (d) => d.exportId === exportId);
      expect(done.data.aggregate.version).toBe(2);
      expect(done.data.data).toMatchObject({ status: 'completed', count: 0 });
    } finally {
      await startedTap.close();
    }
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const { header, rows } = await csvOf(alice, `?q=hyperlink`);
    expect(rows[0][header.indexOf('displayName')]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('exports only the caller workspace, and records an empty export too', async () => {
    const mine = await csvOf(bob, '?tags=bulk');
    expect(mine.rows.map((r) => r[mine.header.indexOf('firstName')])).toEqual(['Bobs']);
    expect(mine.header).not.toContain('custom.plan');
    const none = await csvOf(bob, '?q=lovelace');
    expect(none.res.status).toBe(200);
    expect(none.rows).toEqual([]);
    const event = await exportEvent(bob, (d) => d.count === 0);
    expect(event.data.data).toMatchObject({ status: 'completed', query: { q: 'lovelace' } });
    expect(tap.count((m) => m.data.workspaceId === bob.workspace.id)).toBeGreaterThanOrEqual(2);
  });

  it('answers problems before streaming: bad query, no capability', async () => {
    const bad = await csvOf(alice, '?sort=email');
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ code: 'validation_failed' });
    const unknown = await csvOf(alice, '?limit=5');
    expect(unknown.res.status).toBe(400);
    const invite = await http<{ token: string }>(gateway.url, 'POST', '/v1/invitations', {
      token: alice.accessToken,
      body: { email: `m-${newId()}@example.com`, role: 'member' },
    });
    const member = await http<Session>(gateway.url, 'POST', '/v1/auth/accept-invitation', {
      body: { token: invite.body.token, password: 'correct horse battery staple', name: 'M' },
    });
    const denied = await csvOf(member.body, '');
    expect(denied.res.status).toBe(403);
  });
});
