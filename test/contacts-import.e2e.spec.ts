import { type NatsConnection } from 'nats';
import type {
  Contact,
  EventEnvelope,
  ImportCompletedV1,
  ImportReport,
  Session,
} from '@switchboard/contracts';
import { SubjectNamespace } from '@switchboard/messaging';
import {
  http,
  newContact,
  Platform,
  signUp,
  storedMessages,
  testNamespace,
  waitFor,
} from '@switchboard/testing';

/**
 * CSV imports as a client sees them: the file goes up through the gateway as text/csv, the
 * contacts service runs the job, the client polls the report, downloads the failed rows, and
 * the import shows up on NATS as import.completed (tagged for the audit log).
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const LIMIT = 64 * 1024;
let platform: Platform;
let nc: NatsConnection;

const CSV = [
  'First Name,Last Name,Email,Phone,Tags',
  'Ada,Lovelace,ada@example.com,+44 20 7946 0000,vip;b2b', // 1 new
  'Not,Valid,not-an-email,,', // 2 malformed email
  'Existing,Person,EXISTING@example.com,+44 20 7946 0001,imported', // 3 duplicate of a stored contact
  ',,,,', // 4 no name, no channel
  'Ada,King,ada@example.com,,family', // 5 duplicate of row 1 (within the file)
  'Charles,Babbage,charles@example.com,12,', // 6 bad phone
  'Mary,Somerville,mary@example.com,,', // 7 new
  '"Broken,quote,broken@example.com,,', // 8 a quote never closed: the rest is unreadable
].join('\r\n');

const upload = (s: Session, csv: string, query = '') =>
  http<{ id: string; status: string; code?: string }>(
    platform.gatewayUrl,
    'POST',
    `/v1/imports${query}`,
    { token: s.accessToken, rawBody: csv, headers: { 'content-type': 'text/csv; charset=utf-8' } },
  );

const call = <T>(s: Session, path: string) =>
  http<T>(platform.gatewayUrl, 'GET', path, { token: s.accessToken });

async function finished(s: Session, id: string): Promise<ImportReport> {
  return waitFor(
    async () => {
      const res = await call<ImportReport>(s, `/v1/imports/${id}?limit=100`);
      return res.status === 200 && ['completed', 'failed'].includes(res.body.status)
        ? res.body
        : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 200, what: `import ${id}` },
  );
}

/** A workspace with the stored contact row 3 duplicates, the import run in `mode`. */
async function importIn(mode: 'skip' | 'merge' | 'overwrite') {
  const session = await signUp(platform.gatewayUrl);
  const existing = await newContact(platform.gatewayUrl, session.accessToken, {
    firstName: 'Existing',
    lastName: 'Original',
    channels: [{ type: 'email', value: 'existing@example.com' }],
    tags: ['kept'],
  });
  const started = await upload(session, CSV, `?onDuplicate=${mode}`);
  expect(started.status).toBe(202);
  expect(started.body).toEqual({ id: expect.any(String), status: 'queued' });
  const report = await finished(session, started.body.id);
  return { session, existing, report };
}

const contact = async (s: Session, id: string) =>
  (await call<Contact>(s, `/v1/contacts/${id}`)).body;

beforeAll(async () => {
  platform = new Platform(ns);
  await Promise.all([
    platform.startOne('gateway', { IMPORT_BODY_LIMIT_BYTES: String(LIMIT) }),
    platform.startOne('contacts', { IMPORT_BATCH_SIZE: '3' }),
  ]);
  nc = await ns.natsConnect();
});

afterAll(async () => {
  await nc.close();
  await platform.stop();
});

describe('contact import through the gateway', () => {
  it('skip: reports every row, stores the good ones, offers the failed ones as CSV, tells NATS', async () => {
    const { session, existing, report } = await importIn('skip');
    expect(report).toMatchObject({
      status: 'completed',
      onDuplicate: 'skip',
      total: 8,
      processed: 8,
      succeeded: 4,
      failed: 4,
      created: 2,
      skipped: 2,
      error: null,
      nextCursor: null,
    });
    const [r1, r2, r3, r4, r5, r6, r7, r8] = report.rows;
    expect(r1).toEqual({ row: 1, status: 'created', contactId: expect.any(String) });
    expect(r2).toEqual({ row: 2, status: 'failed', error: 'Email: not an email address' });
    expect(r3).toEqual({ row: 3, status: 'skipped', contactId: existing.id });
    expect(r4).toEqual({
      row: 4,
      status: 'failed',
      error: 'a contact needs a name or at least one channel',
    });
    expect(r5).toEqual({ row: 5, status: 'skipped', contactId: r1.contactId });
    expect(r6).toMatchObject({
      row: 6,
      status: 'failed',
      error: expect.stringMatching(/^Phone: /),
    });
    expect(r7).toEqual({ row: 7, status: 'created', contactId: expect.any(String) });
    expect(r8).toMatchObject({ row: 8, status: 'failed', error: expect.stringMatching(/quote/) });

    expect(await contact(session, r1.contactId!)).toMatchObject({
      displayName: 'Ada Lovelace',
      source: 'import',
      tags: ['vip', 'b2b'],
      channels: [
        { type: 'email', value: 'ada@example.com', primary: true },
        { type: 'phone', value: '+442079460000', primary: true },
      ],
    });
    expect(await contact(session, r7.contactId!)).toMatchObject({ displayName: 'Mary Somerville' });
    expect(await contact(session, existing.id)).toMatchObject({
      lastName: 'Original',
      tags: ['kept'],
      version: 1,
    });

    const failedCsv = await call<string>(session, `/v1/imports/${report.id}/failed.csv`);
    expect(failedCsv.status).toBe(200);
    expect(failedCsv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(failedCsv.body.split('\r\n')).toEqual([
      'First Name,Last Name,Email,Phone,Tags,row,error',
      'Not,Valid,not-an-email,,,2,Email: not an email address',
      ',,,,,4,a contact needs a name or at least one channel',
      expect.stringMatching(/^Charles,Babbage,charles@example.com,12,,6,Phone: /),
      expect.stringMatching(/^,,,,,8,a quote is never closed/),
      '',
    ]);

    const events = await waitFor(async () => {
      const stored = await storedMessages<EventEnvelope<ImportCompletedV1>>(
        nc,
        subjects.stream('events').name,
        subjects.event(session.workspace.id, 'import.completed'),
      );
      return stored.length > 0 ? stored : undefined;
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'import.completed',
      actor: { type: 'user', id: session.user.id },
      aggregate: { type: 'import', id: report.id },
      data: {
        importId: report.id,
        status: 'completed',
        total: 8,
        created: 2,
        skipped: 2,
        failed: 4,
        auditTags: ['contacts.pii_movement'],
      },
    });
    const created = await waitFor(async () => {
      const stored = await storedMessages<EventEnvelope>(
        nc,
        subjects.stream('events').name,
        subjects.event(session.workspace.id, 'contact.created'),
      );
      return stored.length >= 3 ? stored : undefined;
    });
    expect(created.map((e) => e.aggregate.id).sort()).toEqual(
      [existing.id, r1.contactId, r7.contactId].sort(),
    );
  });

  it('merge: duplicates fill blanks and gain tags and channels', async () => {
    const { session, existing, report } = await importIn('merge');
    expect(report).toMatchObject({ created: 2, updated: 2, skipped: 0, failed: 4 });
    const ada = report.rows[0].contactId!;
    expect(report.rows[2]).toEqual({ row: 3, status: 'updated', contactId: existing.id });
    expect(report.rows[4]).toEqual({ row: 5, status: 'updated', contactId: ada });
    expect(await contact(session, existing.id)).toMatchObject({
      firstName: 'Existing',
      lastName: 'Original',
      tags: ['kept', 'imported'],
      channels: [
        { type: 'email', value: 'existing@example.com' },
        { type: 'phone', value: '+442079460001' },
      ],
    });
    expect(await contact(session, ada)).toMatchObject({
      lastName: 'Lovelace',
      tags: ['vip', 'b2b', 'family'],
    });
  });

  it('overwrite: duplicates take the fields their row gives', async () => {
    const { session, existing, report } = await importIn('overwrite');
    expect(report).toMatchObject({ created: 2, updated: 2, failed: 4 });
    expect(await contact(session, existing.id)).toMatchObject({
      lastName: 'Person',
      tags: ['imported'],
    });
    expect(await contact(session, report.rows[0].contactId!)).toMatchObject({
      lastName: 'King',
      tags: ['family'],
    });
  });

  it('links the companies a free-text company column names, creating missing ones once', async () => {
    const s = await signUp(platform.gatewayUrl);
    const acme = await http<{ id: string }>(platform.gatewayUrl, 'POST', '/v1/companies', {
      token: s.accessToken,
      body: { name: 'Acme Ltd', domains: ['acme.io'] },
    });
    expect(acme.status).toBe(201);
    const csv = [
      'Name,Email,Company,Job Title,If Duplicate',
      'Ada,ada@home.example,ACME LTD,CTO,',
      'Bob,bob@home.example,www.acme.io,,',
      'Cy,cy@home.example,Initech,CEO,',
      'Di,di@home.example,initech,,',
      'Ed,ed@home.example,Initech,,',
      'Ada L,ada@home.example,Initech,,merge',
    ].join('\n');
    const started = await upload(s, csv, '?onDuplicate=skip');
    expect(started.status).toBe(202);
    const report = await finished(s, started.body.id);
    expect(report).toMatchObject({ onMissingCompany: 'create', created: 5, updated: 1, failed: 0 });
    const companies = await call<{ items: { id: string; name: string }[] }>(s, '/v1/companies');
    expect(companies.body.items.map((c) => c.name).sort()).toEqual(['Acme Ltd', 'Initech']);
    const initech = companies.body.items.find((c) => c.name === 'Initech')!.id;
    const links = await Promise.all(
      report.rows.slice(1, 5).map(async (r) => (await contact(s, r.contactId!)).companyLinks),
    );
    expect(links).toEqual([
      [{ companyId: acme.body.id }],
      [{ companyId: initech, title: 'CEO' }],
      [{ companyId: initech }],
      [{ companyId: initech }],
    ]);
    // The duplicate row merged (its own choice): Ada keeps Acme and gains Initech.
    expect((await contact(s, report.rows[0].contactId!)).companyLinks).toEqual([
      { companyId: acme.body.id, title: 'CTO' },
      { companyId: initech },
    ]);
  });

  it('keeps an import to its workspace', async () => {
    const alice = await signUp(platform.gatewayUrl);
    const bob = await signUp(platform.gatewayUrl);
    const started = await upload(alice, 'email\nonly-alice@example.com\n');
    await finished(alice, started.body.id);
    const report = await call<{ code: string }>(bob, `/v1/imports/${started.body.id}`);
    expect(report.status).toBe(404);
    expect(report.body.code).toBe('not_found');
    expect((await call(bob, `/v1/imports/${started.body.id}/failed.csv`)).status).toBe(404);
  });

  it('refuses what is not a CSV import before storing anything', async () => {
    const s = await signUp(platform.gatewayUrl);
    const json = await http<{ code: string }>(platform.gatewayUrl, 'POST', '/v1/imports', {
      token: s.accessToken,
      body: { email: 'a@b.co' },
    });
    expect(json.status).toBe(415);
    expect((await upload(s, 'email\na@b.co\n', '?onDuplicate=replace')).status).toBe(400);
    expect((await upload(s, 'email\na@b.co\n', '?mapping=%7Bnot-json')).status).toBe(400);
    const big = `email\n${'x'.repeat(LIMIT)}@example.com\n`;
    const tooLarge = await upload(s, big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('payload_too_large');
    const viewer = await upload({ ...s, accessToken: 'not-a-token' }, 'email\na@b.co\n');
    expect(viewer.status).toBe(401);
  });
});
