import type {
  Assessment,
  Communication,
  Contact,
  ContactSegment,
  ConvertLeadResult,
  Deal,
  EraseContactResult,
  Lead,
  Note,
  PersonDataExport,
  Pipeline,
  Product,
  RankingEntry,
  Segment,
  SegmentMember,
  Session,
  Task,
  TimelineEntry,
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
import type { NatsConnection } from 'nats';
import { mentions, scanDatabases } from './support/database-scan';

/**
 * A person's data kept right across services (issue 16, decisions 0130–0133): a merge leaves
 * nothing pointing at the duplicate, an erasure leaves nothing of the person in any database nor
 * in any event after `contact.erased`, the data export holds what the services hold, and none of
 * it crosses workspaces. Every process but webhooks, HTTP and NATS only.
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
let platform: Platform;
let alice: Session;
let bob: Session;
let nc: NatsConnection;

type Page<T> = { items: T[]; nextCursor: string | null };
const call = <T>(s: Session, method: string, path: string, body?: unknown) =>
  http<T>(platform.gatewayUrl, method, path, { token: s.accessToken, body });
const ok = async <T>(s: Session, method: string, path: string, body?: unknown): Promise<T> => {
  const res = await call<T>(s, method, path, body);
  if (res.status >= 300)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

const rand = () => Math.random().toString(36).slice(2, 8);
const digits = () => String(Math.floor(1_000_000 + Math.random() * 8_999_999));

/** A person with a unique name, email and phone. */
function personFields() {
  const tag = rand();
  return {
    firstName: `Ottoline${tag}`,
    lastName: `Quexley${tag}`,
    email: `ottoline.${tag}@erase.example`,
    phone: `+1555${digits()}`,
  };
}
type Person = ReturnType<typeof personFields>;

const newPerson = (s: Session, p: Person, extra: Record<string, unknown> = {}) =>
  newContact(platform.gatewayUrl, s.accessToken, {
    firstName: p.firstName,
    lastName: p.lastName,
    channels: [
      { type: 'email', value: p.email },
      { type: 'phone', value: p.phone },
    ],
    ...extra,
  });

async function newPipeline(s: Session): Promise<Pipeline> {
  return ok<Pipeline>(s, 'POST', '/v1/pipelines', {
    name: `P ${rand()}`,
    stages: [
      { name: 'Open', category: 'open' },
      { name: 'Won', category: 'won' },
    ],
  });
}

async function newProduct(s: Session): Promise<Product> {
  return ok<Product>(s, 'POST', '/v1/products', {
    name: 'Plan',
    slug: `plan_${rand()}`,
    criteria: [{ key: 'budget', label: 'Budget', weight: 1 }],
  });
}

/** Records that name the contact in every service: a note, a communication, a deal, a task, fit. */
async function recordsFor(s: Session, contactId: string, pipeline: Pipeline, product: Product) {
  const note = await ok<Note>(s, 'POST', '/v1/notes', {
    anchor: { type: 'contact', id: contactId },
    body: 'Met at the fair',
  });
  const comm = await ok<Communication>(s, 'POST', `/v1/contacts/${contactId}/communications`, {
    channel: 'call',
    direction: 'outbound',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    summary: 'Discussed the plan',
  });
  const deal = await ok<Deal>(s, 'POST', '/v1/deals', {
    title: 'Annual plan',
    pipelineId: pipeline.id,
    contactId,
  });
  const task = await ok<Task>(s, 'POST', '/v1/tasks', {
    title: 'Call back',
    anchor: { type: 'contact', id: contactId },
  });
  const assessment = await ok<Assessment>(s, 'POST', `/v1/products/${product.id}/assessments`, {
    contactId,
    scores: { budget: 70 },
  });
  return { note, comm, deal, task, assessment };
}

const staticSegment = (s: Session) =>
  ok<Segment>(s, 'POST', '/v1/segments', { name: `S ${rand()}`, type: 'static' });
/** Everyone without the tag `nobody-has-this`: every active contact is in by rule. */
const everyoneSegment = (s: Session) =>
  ok<Segment>(s, 'POST', '/v1/segments', {
    name: `E ${rand()}`,
    type: 'dynamic',
    filter: { field: 'tags', op: 'has_none', value: ['nobody-has-this'] },
  });

async function members(s: Session, segmentId: string): Promise<SegmentMember[]> {
  return (await ok<Page<SegmentMember>>(s, 'GET', `/v1/segments/${segmentId}/members?limit=200`))
    .items;
}

async function waitMember(s: Session, segmentId: string, contactId: string, member: boolean) {
  await waitFor(
    async () =>
      (await members(s, segmentId)).some((m) => m.contactId === contactId) === member || undefined,
    { timeoutMs: 30_000, what: `${contactId} ${member ? 'in' : 'out of'} ${segmentId}` },
  );
}

beforeAll(async () => {
  platform = await Platform.start(ns, [
    'gateway',
    'contacts',
    'segments',
    'segment-worker',
    'deals',
    'tasks',
    'activity',
  ]);
  [alice, bob] = await Promise.all([signUp(platform.gatewayUrl), signUp(platform.gatewayUrl)]);
  nc = await ns.natsConnect();
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('merges leave nothing pointing at the duplicate', () => {
  it('moves explicit memberships, notes, communications, deals, tasks and fit', async () => {
    const [pipeline, product, listed, everyone] = await Promise.all([
      newPipeline(alice),
      newProduct(alice),
      staticSegment(alice),
      everyoneSegment(alice),
    ]);
    const survivor = await newPerson(alice, personFields());
    const duplicate = await newPerson(alice, personFields());
    const held = await recordsFor(alice, duplicate.id, pipeline, product);
    await ok(alice, 'POST', `/v1/segments/${listed.id}/members`, { add: [duplicate.id] });
    await ok(alice, 'POST', `/v1/segments/${everyone.id}/members`, { remove: [duplicate.id] });
    await waitMember(alice, listed.id, duplicate.id, true);
    await waitMember(alice, everyone.id, survivor.id, true);

    const merged = await call(alice, 'POST', '/v1/contacts/merge', {
      survivorId: survivor.id,
      duplicateId: duplicate.id,
    });
    expect(merged.status).toBe(200);

    // Explicit include and exclude now hold for the survivor; the cache agrees.
    await waitMember(alice, listed.id, survivor.id, true);
    await waitMember(alice, everyone.id, survivor.id, false);
    expect((await members(alice, listed.id)).map((m) => [m.contactId, m.via])).toEqual([
      [survivor.id, 'explicit'],
    ]);
    const cached = await waitFor(async () => {
      const c = await ok<Contact>(alice, 'GET', `/v1/contacts/${survivor.id}`);
      return c.segmentIds?.includes(listed.id) && !c.segmentIds.includes(everyone.id)
        ? c
        : undefined;
    });
    const pages = await ok<Page<ContactSegment>>(
      alice,
      'GET',
      `/v1/contacts/${survivor.id}/segments`,
    );
    expect(pages.items.map((p) => p.segmentId).sort()).toEqual(
      [...(cached.segmentIds ?? [])].sort(),
    );

    // Every service's list for the survivor shows what the duplicate had.
    await waitFor(
      async () => {
        const [notes, comms, deals, tasks, assessments, ranking] = await Promise.all([
          ok<Page<Note>>(alice, 'GET', `/v1/notes?anchorType=contact&anchorId=${survivor.id}`),
          ok<Page<Communication>>(alice, 'GET', `/v1/contacts/${survivor.id}/communications`),
          ok<Page<Deal>>(alice, 'GET', `/v1/deals?contactId=${survivor.id}`),
          ok<Page<Task>>(alice, 'GET', `/v1/tasks?anchorType=contact&anchorId=${survivor.id}`),
          ok<Page<Assessment>>(
            alice,
            'GET',
            `/v1/products/${product.id}/assessments?contactId=${survivor.id}`,
          ),
          ok<Page<RankingEntry>>(alice, 'GET', `/v1/products/${product.id}/ranking`),
        ]);
        return notes.items.some((n) => n.id === held.note.id) &&
          comms.items.some((c) => c.id === held.comm.id) &&
          deals.items.some((d) => d.id === held.deal.id) &&
          tasks.items.some((t) => t.id === held.task.id) &&
          assessments.items.some((a) => a.id === held.assessment.id) &&
          ranking.items.map((r) => r.contactId).join() === survivor.id
          ? true
          : undefined;
      },
      { timeoutMs: 30_000, what: "the duplicate's records listed for the survivor" },
    );

    // And no stored reference to the duplicate is left (history aside: its own archived record,
    // its profile, its past membership edges, audit entries and merge mappings).
    const refs = await waitFor(
      async () => {
        const hits = await scanDatabases(ns.mongoUrl, ns.id, (doc) => pointsAt(doc, duplicate.id));
        return hits.length === 0 ? hits : undefined;
      },
      { timeoutMs: 30_000, what: 'no reference to the duplicate' },
    ).catch(async () => scanDatabases(ns.mongoUrl, ns.id, (doc) => pointsAt(doc, duplicate.id)));
    expect(refs.map((h) => `${h.db}.${h.collection}/${h.id}`)).toEqual([]);
  });

  it('moves the deals and tasks of a merged company', async () => {
    const pipeline = await newPipeline(alice);
    const [keep, gone] = await Promise.all([
      ok<{ id: string }>(alice, 'POST', '/v1/companies', { name: `Keep ${rand()}` }),
      ok<{ id: string }>(alice, 'POST', '/v1/companies', { name: `Gone ${rand()}` }),
    ]);
    const contact = await newContact(platform.gatewayUrl, alice.accessToken);
    const deal = await ok<Deal>(alice, 'POST', '/v1/deals', {
      title: 'Company deal',
      pipelineId: pipeline.id,
      contactId: contact.id,
      companyId: gone.id,
    });
    const task = await ok<Task>(alice, 'POST', '/v1/tasks', {
      title: 'Company task',
      anchor: { type: 'company', id: gone.id },
    });
    const merged = await call(alice, 'POST', '/v1/companies/merge', {
      survivorId: keep.id,
      duplicateId: gone.id,
    });
    expect(merged.status).toBe(200);
    await waitFor(
      async () => {
        const [d, t] = await Promise.all([
          ok<Deal>(alice, 'GET', `/v1/deals/${deal.id}`),
          ok<Task>(alice, 'GET', `/v1/tasks/${task.id}`),
        ]);
        return d.companyId === keep.id && t.anchor.id === keep.id ? true : undefined;
      },
      { timeoutMs: 30_000, what: 'deal and task on the surviving company' },
    );
  });
});

/** A stored reference to the record (not its own record, not history). */
function pointsAt(doc: Record<string, unknown>, id: string): boolean {
  if (doc._id === id) return false; // its own archived record or profile
  if ('history' in doc && doc.member === false) return false; // a past membership edge
  if ('targetId' in doc && 'changesJson' in doc) return false; // audit trail
  if ('duplicateId' in doc && 'survivorId' in doc) return false; // merge mapping
  const anchor = doc.anchor as { id?: unknown } | undefined;
  const conversion = doc.conversion as { contactId?: unknown } | undefined;
  return (
    doc.contactId === id ||
    doc.anchorId === id ||
    anchor?.id === id ||
    conversion?.contactId === id ||
    (Array.isArray(doc.segmentIds) && doc.segmentIds.includes(id))
  );
}

describe('erasure', () => {
  it('leaves nothing of the person in any database nor in any later event', async () => {
    const p = personFields();
    const [pipeline, product, listed] = await Promise.all([
      newPipeline(alice),
      newProduct(alice),
      staticSegment(alice),
    ]);
    // The person arrives as a lead, is converted, and a duplicate of them is merged in.
    const lead = await ok<Lead>(alice, 'POST', '/v1/leads', {
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      source: 'website',
    });
    await ok(alice, 'PATCH', `/v1/leads/${lead.id}`, { status: 'qualified' });
    const converted = await ok<ConvertLeadResult>(alice, 'POST', `/v1/leads/${lead.id}/convert`);
    const id = converted.contactId;
    await ok(alice, 'PATCH', `/v1/contacts/${id}`, {
      channels: [
        { type: 'email', value: p.email },
        { type: 'phone', value: p.phone },
      ],
    });
    const dup = await newPerson(alice, { ...p, email: `other.${p.email}` });
    await ok(alice, 'POST', '/v1/contacts/merge', { survivorId: id, duplicateId: dup.id });
    await recordsFor(alice, id, pipeline, product);
    await ok(alice, 'POST', `/v1/segments/${listed.id}/members`, { add: [id] });
    await waitMember(alice, listed.id, id, true);
    const needles = [p.firstName, p.lastName, p.email, p.phone, p.phone.slice(1)];
    // Everything has reached every service before the erasure (timeline, profiles).
    await waitFor(
      async () => {
        const timeline = await ok<Page<TimelineEntry>>(alice, 'GET', `/v1/contacts/${id}/timeline`);
        return timeline.items.some((e) => e.type === 'task.created') || undefined;
      },
      { timeoutMs: 30_000, what: 'the timeline' },
    );
    // The scan sees the person where they are held (so its empty answer below means something).
    const before = await scanDatabases(ns.mongoUrl, ns.id, mentions(...needles));
    expect(new Set(before.map((h) => h.db.slice(ns.id.length + 1)))).toEqual(
      new Set(['contacts', 'segments', 'activity']),
    );

    const erased = await call<EraseContactResult>(alice, 'POST', `/v1/contacts/${id}/erase`, {
      suppressAddresses: true,
    });
    expect(erased.status).toBe(200);
    // Its email and phone, and the email the merged duplicate brought.
    expect(erased.body).toMatchObject({ contactId: id, suppressedAddresses: 3 });
    expect([...erased.body.erasedIds].sort()).toEqual([id, dup.id].sort());
    expect((await call(alice, 'GET', `/v1/contacts/${id}`)).status).toBe(404);
    expect((await call(alice, 'GET', `/v1/contacts/${dup.id}`)).status).toBe(404);
    expect((await call(alice, 'GET', `/v1/leads/${lead.id}`)).status).toBe(404);
    // Erasing again answers the same (a retry after a lost answer).
    const again = await call<EraseContactResult>(alice, 'POST', `/v1/contacts/${id}/erase`, {});
    expect(again.status).toBe(200);
    expect(again.body.contactId).toBe(id);

    const left = await waitFor(
      async () => {
        const hits = await scanDatabases(ns.mongoUrl, ns.id, mentions(...needles));
        return hits.length === 0 ? hits : undefined;
      },
      { timeoutMs: 45_000, what: 'no document naming the person' },
    ).catch(() => scanDatabases(ns.mongoUrl, ns.id, mentions(...needles)));
    expect(left.map((h) => `${h.db}.${h.collection}/${h.id}`)).toEqual([]);
    await waitMember(alice, listed.id, id, false);

    // The deal stays without the person; the audit keeps the erasure without personal data.
    const deals = await ok<Page<Deal>>(alice, 'GET', `/v1/deals?pipelineId=${pipeline.id}`);
    expect(deals.items.map((d) => d.contactId)).toEqual([null]);
    const audit = await ok<Page<{ action: string }>>(alice, 'GET', `/v1/audit?targetId=${id}`);
    expect(audit.items.map((a) => a.action)).toEqual(['contact.erased']);

    const events = await storedMessages<{ type: string; aggregate: { id: string } }>(
      nc,
      subjects.stream('events').name,
      subjects.event(alice.workspace.id, '>'),
    );
    const first = events.findIndex(
      (e) => e.type === 'contact.erased' && [id, dup.id].includes(e.aggregate.id),
    );
    expect(first).toBeGreaterThanOrEqual(0);
    const after = events.slice(first).filter((e) => mentions(...needles)(e, JSON.stringify(e)));
    expect(after.map((e) => e.type)).toEqual([]);
  });

  it('is refused across workspaces (roles: the authorization matrix)', async () => {
    const contact = await newPerson(alice, personFields());
    expect((await call(bob, 'POST', `/v1/contacts/${contact.id}/erase`, {})).status).toBe(404);
    expect((await call(bob, 'GET', `/v1/contacts/${contact.id}/data-export`)).status).toBe(404);
    expect((await call(alice, 'GET', `/v1/contacts/${contact.id}`)).status).toBe(200);
  });
});

describe('the data export', () => {
  it('holds what every service holds about the person', async () => {
    const [pipeline, product, listed] = await Promise.all([
      newPipeline(alice),
      newProduct(alice),
      staticSegment(alice),
    ]);
    const contact = await newPerson(alice, personFields());
    const held = await recordsFor(alice, contact.id, pipeline, product);
    await ok(alice, 'POST', `/v1/segments/${listed.id}/members`, { add: [contact.id] });
    await waitMember(alice, listed.id, contact.id, true);
    const timeline = await waitFor(
      async () => {
        const t = await ok<Page<TimelineEntry>>(
          alice,
          'GET',
          `/v1/contacts/${contact.id}/timeline?limit=200`,
        );
        return t.items.some((e) => e.type === 'task.created') ? t.items : undefined;
      },
      { timeoutMs: 30_000, what: 'the timeline' },
    );

    const res = await call<PersonDataExport>(
      alice,
      'GET',
      `/v1/contacts/${contact.id}/data-export`,
    );
    expect(res.status).toBe(200);
    const doc = res.body;
    const now = await ok<Contact>(alice, 'GET', `/v1/contacts/${contact.id}`);
    expect(doc.contacts.contact).toEqual(now);
    expect(doc.contacts.assessments.map((a) => a.id)).toEqual([held.assessment.id]);
    expect(doc.contacts.rankings.map((r) => r.contactId)).toEqual([contact.id]);
    expect(doc.segments.memberships.filter((m) => m.member).map((m) => m.segmentId)).toEqual(
      expect.arrayContaining([listed.id]),
    );
    expect(doc.segments.profile?.contactId).toBe(contact.id);
    expect(doc.activity.notes).toEqual([held.note]);
    expect(doc.activity.communications.map((c) => c.id)).toEqual([held.comm.id]);
    expect(doc.activity.timeline.map((e) => e.id).sort()).toEqual(
      expect.arrayContaining(timeline.map((e) => e.id)),
    );
    expect(doc.deals.deals.map((d) => d.id)).toEqual([held.deal.id]);
    expect(doc.tasks.tasks.map((t) => t.id)).toEqual([held.task.id]);

    // Exactly what the databases hold for the contact, kind by kind.
    const stored = await scanDatabases(
      ns.mongoUrl,
      ns.id,
      (d) =>
        d.workspaceId === alice.workspace.id &&
        (d.contactId === contact.id || d.anchorId === contact.id),
    );
    const count = (collection: string) => stored.filter((h) => h.collection === collection).length;
    expect(doc.activity.communications).toHaveLength(count('communications'));
    expect(doc.deals.deals).toHaveLength(count('deals'));
    expect(doc.tasks.tasks).toHaveLength(count('tasks'));
    expect(doc.contacts.assessments).toHaveLength(count('fit_assessments'));
    expect(doc.contacts.rankings).toHaveLength(count('fit_rankings'));
    expect(doc.activity.timeline).toHaveLength(
      stored.filter((h) => h.collection === 'timeline_entries' && h.doc.anchorId === contact.id)
        .length,
    );
    expect(doc.segments.memberships).toHaveLength(count('segment_memberships'));
    expect(stored.filter((h) => h.collection === 'notes').map((h) => h.id)).toEqual([held.note.id]);
  });
});
