import { type NatsConnection } from 'nats';
import type { EventEnvelope, ImportReport, Session } from '@switchboard/contracts';
import { SubjectNamespace } from '@switchboard/messaging';
import {
  http,
  Platform,
  signUp,
  storedMessages,
  testNamespace,
  waitFor,
} from '@switchboard/testing';

/**
 * An import survives the death of its worker: the contacts process is SIGKILLed in the second
 * batch, after that batch's contacts are stored but before it is reported and checkpointed
 * (SWITCHBOARD_FAULT=crash_mid_import). Once a contacts process runs again, BullMQ hands it the
 * stalled job; it resumes from the checkpoint, replays the half-done batch without storing a
 * contact twice, and every row is reported once and every contact.created published once.
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const CONTACTS_ENV = { IMPORT_BATCH_SIZE: '5', IMPORT_LOCK_MS: '1000' };
let platform: Platform;
let nc: NatsConnection;
let session: Session;

beforeAll(async () => {
  platform = new Platform(ns);
  await platform.startOne('gateway');
  await platform.startOne('contacts', { ...CONTACTS_ENV, SWITCHBOARD_FAULT: 'crash_mid_import' });
  nc = await ns.natsConnect();
  session = await signUp(platform.gatewayUrl);
});

afterAll(async () => {
  await nc.close();
  await platform.stop();
});

it('resumes after a crash mid-batch: every row once, every contact once, every event once', async () => {
  const lines = ['email,first name'];
  for (let i = 1; i <= 18; i++) lines.push(`crash${i}@example.com,Person ${i}`);
  lines.push('crash7@example.com,Again'); // row 19: a duplicate of row 7 (batch 1, the crashed one)
  lines.push('not-an-email,Broken'); // row 20
  const started = await http<{ id: string }>(platform.gatewayUrl, 'POST', '/v1/imports', {
    token: session.accessToken,
    rawBody: lines.join('\n'),
    headers: { 'content-type': 'text/csv' },
  });
  expect(started.status).toBe(202);
  expect(await platform.get('contacts').exited(30_000)).toBe('SIGKILL');

  await platform.startOne('contacts', CONTACTS_ENV);
  const report = await waitFor(
    async () => {
      const res = await http<ImportReport>(
        platform.gatewayUrl,
        'GET',
        `/v1/imports/${started.body.id}?limit=100`,
        { token: session.accessToken },
      );
      return res.body.status === 'completed' ? res.body : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 200, what: 'the import to complete after the restart' },
  );
  expect(report).toMatchObject({ total: 20, processed: 20, created: 18, skipped: 1, failed: 1 });
  expect(report.rows.map((r) => r.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const createdIds = report.rows.filter((r) => r.status === 'created').map((r) => r.contactId);
  expect(new Set(createdIds).size).toBe(18);
  expect(report.rows[18]).toEqual({
    row: 19,
    status: 'skipped',
    contactId: report.rows[6].contactId,
  });

  for (const id of createdIds) {
    const res = await http(platform.gatewayUrl, 'GET', `/v1/contacts/${id}`, {
      token: session.accessToken,
    });
    expect(res.status).toBe(200);
  }
  const stream = subjects.stream('events').name;
  const created = await waitFor(async () => {
    const stored = await storedMessages<EventEnvelope>(
      nc,
      stream,
      subjects.event(session.workspace.id, 'contact.created'),
    );
    return stored.length >= 18 ? stored : undefined;
  });
  expect(created.map((e) => e.aggregate.id).sort()).toEqual([...createdIds].sort());
  const completed = await waitFor(async () => {
    const stored = await storedMessages<EventEnvelope>(
      nc,
      stream,
      subjects.event(session.workspace.id, 'import.completed'),
    );
    return stored.length > 0 ? stored : undefined;
  });
  expect(completed).toHaveLength(1);
});
