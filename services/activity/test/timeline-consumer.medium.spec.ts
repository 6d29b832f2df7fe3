import { RPC, type TimelineEntry } from '@switchboard/contracts';
import { DLQ_HEADERS, newId } from '@switchboard/messaging';
import { NatsTap, waitFor } from '@switchboard/testing';
import { DomainEventsConsumer as TimelineConsumer } from '../src/events/domain-events.consumer';
import { contactState, envelope, useActivityHarness } from './support/activity-harness';

const h = useActivityHarness();

const contactEvent = (
  ws: string,
  id: string,
  type: string,
  data: Record<string, unknown> = {},
  at?: Date,
) => envelope(ws, type, { type: 'contact', id }, { contact: contactState(ws, id), ...data }, at);

const timeline = (ws: string, anchorId: string, extra: Record<string, unknown> = {}) =>
  h.rpc.call(RPC.activity.timeline, h.ctx(ws), { anchorId, limit: 50, ...extra });

const waitEntries = (filter: Record<string, unknown>, n: number) =>
  waitFor(async () => ((await h.entries(filter)).length === n ? true : undefined), {
    what: `${n} entries for ${JSON.stringify(filter)}`,
  });

const idle = () => h.idle(['events', TimelineConsumer.durable]);

describe('activity timeline consumer', () => {
  it('records an event delivered twice as one typed entry', async () => {
    const id = newId();
    const event = envelope(
      'ws-1',
      'contact.created',
      { type: 'contact', id },
      {
        contact: contactState('ws-1', id, { displayName: 'Twice', source: 'web' }),
      },
    );
    await h.publishEvent(event);
    await h.publishEvent(event);
    await idle();
    const page = await timeline('ws-1', id);
    expect(page.items).toEqual([
      {
        id: `${event.id}:contact`,
        anchor: { type: 'contact', id },
        contactId: id,
        type: 'contact.created',
        occurredAt: event.occurredAt,
        actor: { type: 'user', id: 'u1' },
        summary: 'Contact created (Twice)',
        detail: { displayName: 'Twice', source: 'web', ownerId: null },
        sourceEventId: event.id,
      },
    ]);
  });

  it('dead-letters poison messages with the reason and keeps consuming', async () => {
    const dlq = await NatsTap.open(h.nc, `${h.ns.natsPrefix}dlq.${TimelineConsumer.durable}.>`);
    const subject = h.subjects.event('ws-2', 'contact.created');
    await h.publishRaw(subject, new TextEncoder().encode('{not json'));
    await h.publishRaw(subject, { id: 'x', type: 'contact.created' });
    const good = contactEvent('ws-2', newId(), 'contact.created');
    await h.publishEvent(good);

    await waitEntries({ anchorId: good.aggregate.id }, 1);
    await dlq.waitFor(() => dlq.messages.length >= 2);
    expect(dlq.messages.map((m) => m.subject)).toEqual([
      `${h.ns.natsPrefix}dlq.${TimelineConsumer.durable}.crm.ws-2.contact.created`,
      `${h.ns.natsPrefix}dlq.${TimelineConsumer.durable}.crm.ws-2.contact.created`,
    ]);
    expect(dlq.messages.map((m) => m.headers?.get(DLQ_HEADERS.reason))).toEqual([
      'invalid',
      'invalid',
    ]);
    expect(dlq.messages[1].headers?.get(DLQ_HEADERS.error)).toMatch(/workspaceId: Required/);
    await dlq.close();
  });

  it('files deal and task events on the contact, the deal and the company they concern', async () => {
    const ws = 'ws-4';
    const contactId = newId();
    const companyId = newId();
    const deal = {
      id: newId(),
      title: 'Big one',
      contactId,
      companyId,
      pipelineId: newId(),
      amount: { value: 10, currency: 'EUR' },
    };
    const stageRef = (name: string, category: string) => ({ stageId: newId(), name, category });
    await h.publishEvent(
      envelope(ws, 'deal.created', { type: 'deal', id: deal.id }, { contactId, deal }),
    );
    await h.publishEvent(
      envelope(
        ws,
        'deal.stage.changed',
        { type: 'deal', id: deal.id },
        {
          contactId,
          deal,
          from: stageRef('Lead', 'open'),
          to: stageRef('Won', 'won'),
        },
      ),
    );
    const dealTask = {
      id: newId(),
      title: 'Send contract',
      anchor: { type: 'deal', id: deal.id },
      assigneeId: null,
      dueAt: null,
    };
    await h.publishEvent(
      envelope(
        ws,
        'task.created',
        { type: 'task', id: dealTask.id },
        { contactId, task: dealTask },
      ),
    );
    const companyTask = {
      id: newId(),
      title: 'Call HQ',
      anchor: { type: 'company', id: companyId },
      assigneeId: null,
      dueAt: null,
    };
    await h.publishEvent(
      envelope(
        ws,
        'task.created',
        { type: 'task', id: companyTask.id },
        { contactId: null, task: companyTask },
      ),
    );

    await waitEntries({ workspaceId: ws }, 3 + 3 + 2 + 1);
    const onContact = await timeline(ws, contactId);
    expect(onContact.items.map((i) => i.summary).sort()).toEqual([
      'Deal "Big one" created',
      'Deal "Big one" moved to Won',
      'Task "Send contract" created',
    ]);
    const moved = onContact.items.find((i) => i.type === 'deal.stage.changed') as TimelineEntry;
    expect(moved.detail).toEqual({
      dealId: deal.id,
      title: 'Big one',
      from: expect.objectContaining({ name: 'Lead', category: 'open' }),
      to: expect.objectContaining({ name: 'Won', category: 'won' }),
    });
    const onDeal = await timeline(ws, deal.id, { anchorType: 'deal' });
    expect(onDeal.items.map((i) => i.type).sort()).toEqual([
      'deal.created',
      'deal.stage.changed',
      'task.created',
    ]);
    expect(onDeal.items.every((i) => i.contactId === contactId)).toBe(true);
    const onCompany = await timeline(ws, companyId, { anchorType: 'company' });
    expect(onCompany.items.map((i) => i.summary).sort()).toEqual([
      'Deal "Big one" created',
      'Deal "Big one" moved to Won',
      'Task "Call HQ" created',
    ]);
  });

  it('pages newest first, filters by type (families too) and keeps workspaces apart', async () => {
    const id = newId();
    const types = [
      'contact.created',
      'contact.tag.added',
      'contact.restored',
      'contact.stage.changed',
      'contact.archived',
    ];
    for (const [i, type] of types.entries()) {
      await h.publishEvent(
        contactEvent(
          'ws-3',
          id,
          type,
          { tags: ['t'], from: null, to: 'lead', reason: 'deleted' },
          new Date(Date.UTC(2026, 0, 1 + i)),
        ),
      );
    }
    await waitEntries({ anchorId: id }, 5);
    const first = await timeline('ws-3', id, { limit: 3 });
    expect(first.items.map((i) => i.type)).toEqual([
      'contact.archived',
      'contact.stage.changed',
      'contact.restored',
    ]);
    const second = await timeline('ws-3', id, { limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.type)).toEqual(['contact.tag.added', 'contact.created']);
    expect(second.nextCursor).toBeNull();

    const filtered = await timeline('ws-3', id, { types: 'contact.created,contact.stage.*' });
    expect(filtered.items.map((i) => i.type)).toEqual(['contact.stage.changed', 'contact.created']);
    expect((await timeline('ws-other', id)).items).toEqual([]);
    expect(await h.err(timeline('ws-3', id, { cursor: 'garbage' }))).toMatchObject({
      code: 'validation_failed',
    });
  });

  it('keeps the field diff of an update, and lands unknown event types as generic entries', async () => {
    const id = newId();
    const changes = [{ field: 'firstName', from: 'Ada', to: 'Augusta' }];
    await h.publishEvent(contactEvent('ws-5', id, 'contact.updated', { changes }));
    const unknown = envelope(
      'ws-5',
      'contact.horoscope.read',
      { type: 'contact', id },
      { sign: 'leo' },
    );
    await h.publishEvent(unknown);
    await waitEntries({ anchorId: id }, 2);
    const page = await timeline('ws-5', id);
    const byType = Object.fromEntries(page.items.map((i) => [i.type, i]));
    expect(byType['contact.updated']).toMatchObject({
      summary: 'Contact updated: firstName',
      detail: { changes },
    });
    expect(byType['contact.horoscope.read']).toMatchObject({
      summary: 'contact horoscope read',
      detail: { aggregate: { type: 'contact', id }, data: { sign: 'leo' } },
    });
  });

  it('types segment membership and company events, on the contact and on the company', async () => {
    const ws = 'ws-8';
    const contactId = newId();
    const companyId = newId();
    const segmentId = newId();
    await h.publishEvent(
      envelope(
        ws,
        'segment.member.joined',
        { type: 'segment', id: segmentId },
        {
          segmentId,
          segmentName: 'Engaged',
          contactId,
          via: 'rule',
          contact: { displayName: 'Ada', channels: [] },
        },
      ),
    );
    const company = { id: companyId, name: 'Analytical Engines Ltd' };
    const changes = [{ field: 'name', from: 'AE', to: company.name }];
    await h.publishEvent(
      envelope(ws, 'company.updated', { type: 'company', id: companyId }, { company, changes }),
    );
    await waitEntries({ workspaceId: ws }, 2);
    expect((await timeline(ws, contactId)).items).toEqual([
      expect.objectContaining({
        type: 'segment.member.joined',
        summary: 'Joined segment "Engaged"',
        detail: { segmentId, segmentName: 'Engaged', via: 'rule' },
      }),
    ]);
    expect((await timeline(ws, companyId, { anchorType: 'company' })).items).toEqual([
      expect.objectContaining({
        type: 'company.updated',
        contactId: null,
        summary: 'Company "Analytical Engines Ltd" updated',
        detail: { companyId, name: company.name, changes },
      }),
    ]);
  });

  it('moves the duplicate history to the survivor on a merge, once, and files late events there', async () => {
    const ws = 'ws-6';
    const [survivor, duplicate] = [newId(), newId()];
    await h.publishEvent(contactEvent(ws, survivor, 'contact.created'));
    const dupCreated = contactEvent(ws, duplicate, 'contact.created');
    await h.publishEvent(dupCreated);
    await h.publishEvent(contactEvent(ws, duplicate, 'contact.tag.added', { tags: ['vip'] }));
    await waitEntries({ workspaceId: ws }, 3);
    const merged = envelope(
      ws,
      'contact.merged',
      { type: 'contact', id: survivor },
      {
        survivorId: survivor,
        duplicateId: duplicate,
        contact: contactState(ws, survivor),
      },
    );
    await h.publishEvent(merged);
    await h.publishEvent(merged);
    await waitEntries({ workspaceId: ws, anchorId: survivor }, 4);
    // A late redelivery of one of the duplicate's events, and a new one naming it.
    await h.publishEvent(dupCreated);
    await h.publishEvent(contactEvent(ws, duplicate, 'contact.tag.removed', { tags: ['vip'] }));
    await idle();
    const page = await timeline(ws, survivor);
    expect(page.items.map((i) => i.type).sort()).toEqual([
      'contact.created',
      'contact.created',
      'contact.merged',
      'contact.tag.added',
      'contact.tag.removed',
    ]);
    expect((await timeline(ws, duplicate)).items).toEqual([]);
  });

  it('takes deleted notes and superseded or deleted communications off the timeline', async () => {
    const ws = 'ws-7';
    const contactId = newId();
    const note = {
      id: newId(),
      anchor: { type: 'contact', id: contactId },
      contactId,
      body: 'Met at **FOSDEM**',
      revision: 1,
    };
    await h.publishEvent(envelope(ws, 'note.added', { type: 'note', id: note.id }, { note }));
    const comm = (id: string, summary: string, supersedes: string | null = null) => ({
      id,
      contactId,
      channel: 'call',
      direction: 'outbound',
      summary,
      staffId: null,
      sourceRef: null,
      supersedes,
    });
    const [c1, c2] = [newId(), newId()];
    await h.publishEvent(
      envelope(
        ws,
        'communication.logged',
        { type: 'communication', id: c1 },
        { communication: comm(c1, 'Intro call') },
      ),
    );
    await waitEntries({ anchorId: contactId }, 2);
    expect((await timeline(ws, contactId)).items.map((i) => i.summary).sort()).toEqual([
      'Note added',
      'call (outbound): Intro call',
    ]);
    await h.publishEvent(
      envelope(
        ws,
        'communication.edited',
        { type: 'communication', id: c2 },
        {
          communication: comm(c2, 'Intro call, 30 min', c1),
          supersedes: c1,
          changes: [],
        },
      ),
    );
    await h.publishEvent(envelope(ws, 'note.deleted', { type: 'note', id: note.id }, { note }));
    await idle();
    const page = await timeline(ws, contactId);
    expect(page.items.map((i) => [i.type, i.summary])).toEqual([
      ['communication.edited', 'call (outbound, edited): Intro call, 30 min'],
    ]);
    expect(page.items[0].detail).toMatchObject({ communicationId: c2, supersedes: c1 });
  });
});
