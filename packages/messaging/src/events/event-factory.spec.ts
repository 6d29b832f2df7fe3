import { EventEnvelope } from '@switchboard/contracts';
import { runWithCorrelation } from '../correlation';
import { buildEvent } from './event-factory';

const contact = {
  id: 'c1',
  workspaceId: 'w1',
  displayName: 'Ada',
  channels: [],
  companyLinks: [],
  ownerId: null,
  tags: [],
  customFields: {},
  metadata: {},
  status: 'active' as const,
  statusHistory: [],
  stageHistory: [],
  mergedInto: null,
  lastTouchAt: null,
  segmentIds: [],
  version: 1,
  createdAt: '2026-11-23T12:00:00.000Z',
  updatedAt: '2026-11-23T12:00:00.000Z',
};

describe('buildEvent', () => {
  it('builds a valid envelope with catalogue version and aggregate type, and a UUIDv7 id', () => {
    const event = buildEvent('contact.created', {
      workspaceId: 'w1',
      actor: { type: 'user', id: 'u1' },
      aggregateId: 'c1',
      aggregateVersion: 1,
      data: { contact },
      occurredAt: new Date('2026-11-23T12:00:00Z'),
    });
    expect(EventEnvelope.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      type: 'contact.created',
      version: 1,
      aggregate: { type: 'contact', id: 'c1', version: 1 },
    });
    expect(event.occurredAt).toBe('2026-11-23T12:00:00.000Z');
    expect(event.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(event).not.toHaveProperty('requestId');
  });

  it('carries the request id of the unit of work it was built in, and ids increase over time', () => {
    const [a, b] = runWithCorrelation({ requestId: 'req-42' }, () =>
      [1, 2].map((v) =>
        buildEvent('contact.created', {
          workspaceId: 'w1',
          actor: { type: 'service', id: 's' },
          aggregateId: 'c1',
          aggregateVersion: v,
          data: { contact },
        }),
      ),
    );
    expect(a.requestId).toBe('req-42');
    expect(a.id < b.id).toBe(true);
  });
});
