import type { EventEnvelope } from '@switchboard/contracts';
import { describeEvent } from './timeline-details';

const event = (
  type: string,
  aggregate: { type: string; id: string },
  data: Record<string, unknown>,
): EventEnvelope => ({
  id: 'e1',
  type,
  version: 1,
  workspaceId: 'ws1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  actor: { type: 'user', id: 'u1' },
  aggregate: { ...aggregate, version: 1 },
  data,
});

describe('how events read on timelines', () => {
  it('files a task anchored to a deal on the contact and the deal', () => {
    const facts = describeEvent(
      event(
        'task.completed',
        { type: 'task', id: 't1' },
        {
          contactId: 'c1',
          task: {
            id: 't1',
            title: 'Send contract',
            anchor: { type: 'deal', id: 'd1' },
            assigneeId: 'u2',
            dueAt: null,
          },
        },
      ),
    );
    expect(facts).toEqual({
      summary: 'Task "Send contract" completed',
      detail: { taskId: 't1', title: 'Send contract', assigneeId: 'u2', dueAt: null, changes: [] },
      refId: null,
      contactId: 'c1',
      anchors: [
        { type: 'contact', id: 'c1' },
        { type: 'deal', id: 'd1' },
      ],
    });
  });

  it('files a merge on the survivor, and nothing for events that are no entry', () => {
    expect(
      describeEvent(
        event(
          'contact.merged',
          { type: 'contact', id: 's1' },
          { survivorId: 's1', duplicateId: 'd1' },
        ),
      )?.anchors,
    ).toEqual([{ type: 'contact', id: 's1' }]);
    expect(
      describeEvent(
        event('activity.recorded', { type: 'activity', id: 'a1' }, { contactId: 'c1' }),
      ),
    ).toBeNull();
    expect(
      describeEvent(event('workspace.created', { type: 'workspace', id: 'w1' }, {})),
    ).toBeNull();
    expect(
      describeEvent(event('import.completed', { type: 'import', id: 'i1' }, { total: 3 })),
    ).toBeNull();
  });

  it('keeps an unknown type as a generic entry with its aggregate and data', () => {
    expect(
      describeEvent(
        event('deal.haggled', { type: 'deal', id: 'd1' }, { contactId: 'c1', rounds: 3 }),
      ),
    ).toEqual({
      summary: 'deal haggled',
      detail: { aggregate: { type: 'deal', id: 'd1' }, data: { contactId: 'c1', rounds: 3 } },
      refId: null,
      contactId: 'c1',
      anchors: [
        { type: 'contact', id: 'c1' },
        { type: 'deal', id: 'd1' },
      ],
    });
  });

  it('files contact.scored as "profile scored" on the contact', () => {
    const data = {
      contactId: 'c1',
      productId: 'p1',
      productSlug: 'crm_pro',
      total: 72.5,
      assessmentId: 'a1',
      assessedBy: { type: 'user', id: 'u1' },
    };
    expect(
      describeEvent(event('contact.scored', { type: 'fit_assessment', id: 'a1' }, data)),
    ).toEqual({
      summary: 'Profile scored 72.5 for crm_pro',
      detail: { productId: 'p1', productSlug: 'crm_pro', total: 72.5, assessmentId: 'a1' },
      refId: null,
      contactId: 'c1',
      anchors: [{ type: 'contact', id: 'c1' }],
    });
  });
});
