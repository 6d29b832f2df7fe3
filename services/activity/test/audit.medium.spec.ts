import { RPC } from '@switchboard/contracts';
import { newId } from '@switchboard/messaging';
import { waitFor } from '@switchboard/testing';
import { DomainEventsConsumer as AuditConsumer } from '../src/events/domain-events.consumer';
import { contactState, envelope, useActivityHarness } from './support/activity-harness';

const h = useActivityHarness();

const audit = (ws: string, q: Record<string, unknown> = {}) =>
  h.rpc.call(RPC.activity.audit, h.ctx(ws), { limit: 50, ...q });
const stored = (ws: string) => h.db.collection('audit_entries').countDocuments({ workspaceId: ws });
const idle = () => h.idle(['events', AuditConsumer.durable]);

describe('audit trail', () => {
  it('writes one entry per write event with actor, target, action, field diff and tags', async () => {
    const ws = 'ws-a1';
    const contactId = newId();
    const changes = [
      { field: 'firstName', from: 'Ada', to: 'Augusta' },
      { field: 'tags', from: [], to: ['vip'] },
    ];
    const updated = envelope(
      ws,
      'contact.updated',
      { type: 'contact', id: contactId },
      {
        contact: contactState(ws, contactId),
        changes,
      },
    );
    updated.requestId = 'req-1';
    const dealId = newId();
    const dealUpdated = {
      ...envelope(
        ws,
        'deal.updated',
        { type: 'deal', id: dealId },
        { contactId, changes: ['title', 'amount'] },
      ),
      actor: { type: 'api_key' as const, id: 'key-1' },
    };
    const imported = envelope(
      ws,
      'import.completed',
      { type: 'import', id: newId() },
      {
        total: 10,
        auditTags: ['contacts.pii_movement'],
      },
    );
    // Not writes: a derived notification and a reminder.
    const recorded = envelope(
      ws,
      'activity.recorded',
      { type: 'activity', id: newId() },
      { contactId },
    );
    for (const e of [updated, updated, dealUpdated, imported, recorded]) await h.publishEvent(e);
    await idle();
    expect(await stored(ws)).toBe(3);

    const page = await audit(ws);
    expect(page.items.map((i) => i.action).sort()).toEqual([
      'contact.updated',
      'deal.updated',
      'import.completed',
    ]);
    expect(page.items.find((i) => i.action === 'contact.updated')).toEqual({
      id: updated.id,
      occurredAt: updated.occurredAt,
      actor: { type: 'user', id: 'u1' },
      target: { type: 'contact', id: contactId },
      action: 'contact.updated',
      changes,
      tags: [],
      requestId: 'req-1',
    });
    expect(page.items.find((i) => i.action === 'deal.updated')).toMatchObject({
      actor: { type: 'api_key', id: 'key-1' },
      changes: [{ field: 'title' }, { field: 'amount' }],
    });

    expect((await audit(ws, { tag: 'contacts.pii_movement' })).items.map((i) => i.action)).toEqual([
      'import.completed',
    ]);
    expect((await audit(ws, { targetId: contactId })).items.map((i) => i.id)).toEqual([updated.id]);
    expect((await audit(ws, { actorId: 'key-1' })).items.map((i) => i.action)).toEqual([
      'deal.updated',
    ]);
    expect((await audit('ws-other', { targetId: contactId })).items).toEqual([]);
  });

  it('filters by time and pages newest first with a cursor', async () => {
    const ws = 'ws-a2';
    const target = newId();
    for (let day = 1; day <= 5; day++) {
      await h.publishEvent(
        envelope(
          ws,
          'contact.restored',
          { type: 'contact', id: target },
          {
            contact: contactState(ws, target),
          },
          new Date(Date.UTC(2026, 2, day)),
        ),
      );
    }
    await waitFor(async () => (await stored(ws)) === 5);
    const first = await audit(ws, { limit: 2 });
    expect(first.items.map((i) => i.occurredAt.slice(0, 10))).toEqual(['2026-03-05', '2026-03-04']);
    const second = await audit(ws, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.occurredAt.slice(0, 10))).toEqual([
      '2026-03-03',
      '2026-03-02',
    ]);
    const window = await audit(ws, {
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-03T00:00:00.000Z',
    });
    expect(window.items.map((i) => i.occurredAt.slice(0, 10))).toEqual([
      '2026-03-03',
      '2026-03-02',
    ]);
  });
});
