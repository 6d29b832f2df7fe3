import {
  CONTACT_EVENT_HISTORY_MAX,
  CONTACT_EVENT_MAX_BYTES,
  CONTACT_EVENT_SEGMENT_IDS_MAX,
  EVENT_MAX_BYTES,
  LIMITS,
  type Actor,
} from '@switchboard/contracts';
import { archivedEvent, updatedEvents } from './contact-events';
import { completeContactEvent } from './contact-event-payloads';
import type { ContactDoc } from './contact.schema';

const actor: Actor = { type: 'user', id: 'u'.repeat(36) };
const text = (n: number, c: string) => c.repeat(n);
/** A map of string values of about `bytes` bytes of JSON in all. */
const filled = (bytes: number, c: string, keys: number) =>
  Object.fromEntries(
    Array.from({ length: keys }, (_, i) => [`k${i}`, text(Math.floor(bytes / keys) - 12, c)]),
  );
const at = new Date('2026-12-01T00:00:00.000Z');

/** A contact at every documented limit, with a long life behind it. */
function worst(c: string): ContactDoc {
  return {
    _id: 'c'.repeat(36),
    workspaceId: 'w'.repeat(36),
    firstName: text(100, c),
    lastName: text(100, c),
    displayName: text(200, c),
    channels: Array.from({ length: 50 }, (_, i) => ({
      type: 'email' as const,
      value: `${i}${text(300, c)}@x.io`,
      label: text(64, c),
      primary: i === 0,
      subscribed: true,
      consent: {
        optInAt: at.toISOString(),
        source: text(200, c),
        ip: text(45, c),
        unsubscribedAt: at.toISOString(),
      },
      suppression: { reason: 'bounce' as const, at: at.toISOString() },
    })),
    companyLinks: Array.from({ length: 50 }, (_, i) => ({
      companyId: `${i}${text(60, c)}`,
      title: text(200, c),
      workEmail: `${text(300, c)}@x.io`,
    })),
    address: {
      line1: text(200, c),
      line2: text(200, c),
      city: text(120, c),
      state: text(120, c),
      postalCode: text(32, c),
      country: text(120, c),
    },
    locale: text(35, c),
    timeZone: text(64, c),
    birthMonth: 12,
    birthDay: 31,
    source: text(100, c),
    leadSource: text(100, c),
    stage: text(64, c),
    stageHistory: Array.from({ length: 5000 }, () => ({
      from: text(64, c),
      to: text(64, c),
      at,
      actor,
    })),
    ownerId: text(64, c),
    tags: Array.from({ length: 200 }, (_, i) => `${i}${text(96, c)}`),
    customFields: filled(LIMITS.customFieldsBytes, c, 16),
    metadata: filled(LIMITS.metadata.maxBytes, c, 50),
    leadId: text(64, c),
    linkedUserId: text(64, c),
    status: 'active',
    statusHistory: Array.from({ length: 5000 }, () => ({
      status: 'archived' as const,
      at,
      actor,
      reason: 'deleted',
    })),
    mergedInto: null,
    lastTouchAt: at,
    segmentIds: Array.from({ length: 20_000 }, (_, i) => `${i}`.padStart(36, '0')),
    searchKeys: [],
    nameSortKey: '',
    lastTouchSortKey: at,
    dedupKey: 'none:x',
    version: 7,
    createdAt: at,
    updatedAt: at,
    outbox: [],
    outboxPending: false,
  };
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');
const types = new Map(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'text' as const]));

describe('contact event payloads', () => {
  it('stay under CONTACT_EVENT_MAX_BYTES for a contact at every limit, every field changed', () => {
    const events = updatedEvents(actor, worst('a'), { ...worst('b'), version: 8 }).map((e) =>
      completeContactEvent(e, types),
    );
    expect(events.map((e) => e.type)).toEqual([
      'contact.updated',
      'contact.tag.added',
      'contact.tag.removed',
      'contact.owner.claimed',
      'contact.stage.changed',
    ]);
    const largest = Math.max(...events.map(bytes));
    expect(largest).toBeLessThanOrEqual(CONTACT_EVENT_MAX_BYTES);
    expect(CONTACT_EVENT_MAX_BYTES).toBeLessThan(EVENT_MAX_BYTES);
  });

  it('carry the latest transitions, a bounded segmentIds and the custom-field types', () => {
    const doc = worst('a');
    doc.customFields = { renewal: '2026-01-01', seats: 3, gone: 'x' };
    const event = completeContactEvent(
      archivedEvent(actor, doc, 'deleted'),
      new Map([
        ['renewal', 'date'],
        ['seats', 'number'],
      ]),
    );
    const data = event.data as {
      contact: { stageHistory: unknown[]; statusHistory: unknown[]; segmentIds: string[] };
      customFieldTypes: Record<string, string>;
    };
    expect(data.customFieldTypes).toEqual({ renewal: 'date', seats: 'number' });
    expect(data.contact.stageHistory).toHaveLength(CONTACT_EVENT_HISTORY_MAX);
    expect(data.contact.statusHistory).toHaveLength(CONTACT_EVENT_HISTORY_MAX);
    expect(data.contact.segmentIds).toEqual(doc.segmentIds.slice(-CONTACT_EVENT_SEGMENT_IDS_MAX));
  });
});
