import {
  EVENT_MAX_BYTES,
  RPC,
  type Contact,
  type EventEnvelope,
  type Page,
} from '@switchboard/contracts';
import { DLQ_HEADERS, newId } from '@switchboard/messaging';
import { NatsTap } from '@switchboard/testing';
import { useContactsService, type Failure } from './support/contacts-harness';

/**
 * Bounded everything (docs/decisions/0071): replies that cannot outgrow the NATS payload limit,
 * events refused at write time when they could never be published, staged events that still
 * fail dead-lettered, and free-form values bounded at the edge.
 */
const h = useContactsService();
const ws = () => `ws-${newId()}`;
const kb = (n: number) => 'x'.repeat(n * 1024);

const contacts = () => h.db.collection<Record<string, unknown> & { _id: string }>('contacts');

/** A contact created through the API, then given stored values from before the limits. */
async function legacyContact(workspaceId: string, name: string, fields: Record<string, unknown>) {
  const c = await h.rpc.call(RPC.contacts.create, h.context(workspaceId), { displayName: name });
  await h.relayed('contacts', c.id);
  await contacts().updateOne({ _id: c.id }, { $set: fields });
  return c;
}

/** Every contact of a list, following the cursor; the size of each page. */
async function listAll(workspaceId: string, limit: number) {
  const items: Contact[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<Contact> = await h.rpc.call(RPC.contacts.list, h.context(workspaceId), {
      limit,
      sort: 'createdAt',
      ...(cursor ? { cursor } : {}),
    } as never);
    items.push(...page.items);
    pages.push(page.items.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, pages };
}

describe('replies never outgrow the payload limit', () => {
  it('pages three 400 KB contacts by size, losing none, and the service keeps answering', async () => {
    const w = ws();
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push(await legacyContact(w, `big ${i}`, { metadata: { blob: kb(400) } }));
    }
    const { items, pages } = await listAll(w, 3);
    expect(items.map((c) => c.id)).toEqual(made.map((c) => c.id));
    expect(items.every((c) => (c.metadata.blob as string).length === 400 * 1024)).toBe(true);
    // 3 × 400 KB is over the reply budget: the first page stopped early, with a cursor.
    expect(pages[0]).toBeLessThan(3);
    const again = await h.rpc.call(RPC.contacts.get, h.context(w), { id: made[0].id });
    expect(again.id).toBe(made[0].id);
  });

  it('answers payload_too_large for one record over the limit, and goes on serving', async () => {
    const w = ws();
    const huge = await legacyContact(w, 'huge', { metadata: { blob: kb(1100) } });
    const failure = (await h.err(
      h.rpc.call(RPC.contacts.get, h.context(w), { id: huge.id }),
    )) as Failure;
    expect(failure.code).toBe('payload_too_large');
    const list = (await h.err(
      h.rpc.call(RPC.contacts.list, h.context(w), { limit: 10 }),
    )) as Failure;
    expect(list.code).toBe('payload_too_large');
    const small = await h.rpc.call(RPC.contacts.create, h.context(w), { displayName: 'small' });
    expect(await h.rpc.call(RPC.contacts.get, h.context(w), { id: small.id })).toMatchObject({
      displayName: 'small',
    });
  });
});

describe('events that could never be published', () => {
  it('refuses a 600 KB metadata edit at the edge; later writes of the contact go through', async () => {
    const w = ws();
    const c = await h.rpc.call(RPC.contacts.create, h.context(w), { displayName: 'Meta' });
    const failure = (await h.err(
      h.rpc.call(RPC.contacts.update, h.context(w), {
        id: c.id,
        patch: { metadata: { blob: kb(600) } },
      }),
    )) as Failure;
    expect(failure.code).toBe('payload_too_large');
    expect(failure.errors?.[0]).toMatchObject({ path: 'patch.metadata' });
    const next = await h.rpc.call(RPC.contacts.update, h.context(w), {
      id: c.id,
      patch: { firstName: 'Later', metadata: { small: 'ok' } },
    });
    expect(next).toMatchObject({ version: 2, firstName: 'Later', metadata: { small: 'ok' } });
  });

  it('refuses a write whose event would exceed EVENT_MAX_BYTES, storing nothing', async () => {
    const w = ws();
    // Stored before the limits existed: every contact.updated carries the whole contact.
    const c = await legacyContact(w, 'Legacy', { metadata: { blob: kb(EVENT_MAX_BYTES / 1024) } });
    const failure = (await h.err(
      h.rpc.call(RPC.contacts.update, h.context(w), { id: c.id, patch: { firstName: 'New' } }),
    )) as Failure;
    expect(failure.code).toBe('payload_too_large');
    expect(failure.details).toMatchObject({ event: 'contact.updated', limit: EVENT_MAX_BYTES });
    const stored = await h.doc('contacts', c.id);
    expect(stored).toMatchObject({ version: 1, outboxPending: false });
    expect(stored).not.toHaveProperty('firstName');
  });

  it('dead-letters a staged event that cannot be published and unblocks the contact', async () => {
    const w = ws();
    const dlq = await NatsTap.open<EventEnvelope>(h.nc, `${h.ns.natsPrefix}dlq.>`);
    try {
      const c = await h.rpc.call(RPC.contacts.create, h.context(w), { displayName: 'Stuck' });
      await h.relayed('contacts', c.id);
      // A staged event over the server's max_payload (staged before write-time checks existed).
      const event: EventEnvelope = {
        id: newId(),
        type: 'contact.updated',
        version: 1,
        workspaceId: w,
        occurredAt: new Date().toISOString(),
        actor: { type: 'user', id: 'admin-1' },
        aggregate: { type: 'contact', id: c.id, version: 1 },
        data: { blob: kb(1200) },
      };
      await contacts().updateOne({ _id: c.id }, {
        $push: { outbox: { id: event.id, type: event.type, json: JSON.stringify(event) } },
        $set: { outboxPending: true },
      } as never);
      const letter = await dlq.waitFor((m) => m.data.id === event.id);
      expect(letter.subject).toBe(`${h.ns.natsPrefix}dlq.outbox.crm.${w}.contact.updated`);
      expect(letter.headers?.get(DLQ_HEADERS.reason)).toBe('unpublishable');
      expect(letter.data.aggregate).toEqual({ type: 'contact', id: c.id, version: 1 });
      await h.relayed('contacts', c.id);
      const next = await h.rpc.call(RPC.contacts.update, h.context(w), {
        id: c.id,
        patch: { firstName: 'Unstuck' },
      });
      expect(next).toMatchObject({ version: 2, firstName: 'Unstuck' });
      await h.event('contact.updated', c.id, 2);
    } finally {
      await dlq.close();
    }
  });
});

describe('free-form values are bounded in shape at every level', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a dotted key below the first level', { a: { 'b.c': 1 } }, 'metadata.a.b.c'],
    ['a $ key below the first level', { a: [{ $where: 'x' }] }, 'metadata.a.0.$where'],
    ['an array directly in an array', { a: { b: [[1, 2]] } }, 'metadata.a.b.0'],
  ];
  it.each(cases)(
    'refuses %s with validation_failed and the path',
    async (_what, metadata, path) => {
      const failure = (await h.err(
        h.rpc.call(RPC.contacts.create, h.context(ws()), { displayName: 'Shape', metadata }),
      )) as Failure;
      expect(failure.code).toBe('validation_failed');
      expect(failure.errors).toEqual([expect.objectContaining({ path })]);
    },
  );

  it('refuses metadata nested deeper than the limit, naming where', async () => {
    let metadata: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 12; i++) metadata = { n: metadata };
    const failure = (await h.err(
      h.rpc.call(RPC.contacts.create, h.context(ws()), { displayName: 'Deep', metadata }),
    )) as Failure;
    expect(failure.code).toBe('validation_failed');
    expect(failure.errors?.[0].message).toMatch(/nested deeper than 8 levels/);
  });
});
