import { lifted, newSuppression, withCause } from './suppression-list';

const at = new Date('2026-11-01T00:00:00Z');
const now = new Date('2026-11-02T00:00:00Z');
const base = { id: 's1', workspaceId: 'w1', channelType: 'sms' as const, address: '+447700900123' };

describe('the suppression list', () => {
  const first = newSuppression(
    base,
    { reason: 'bounce', at, source: 'messaging', sourceId: 'e1' },
    now,
  );

  it('stores a phone number under the phone family, active with its first reason', () => {
    expect(first).toMatchObject({
      channelType: 'phone',
      status: 'active',
      reason: 'bounce',
      reasons: ['bounce'],
      suppressedAt: at,
      history: [{ action: 'added', reason: 'bounce', source: 'messaging', sourceId: 'e1' }],
    });
  });

  it('takes as first reason a cause that happened earlier but arrived later', () => {
    const before = new Date(at.getTime() - 60_000);
    const next = withCause(first, {
      reason: 'complaint',
      at: before,
      source: 'messaging',
      sourceId: 'e0',
    });
    expect(next).toMatchObject({
      reason: 'complaint',
      suppressedAt: before,
      reasons: ['bounce', 'complaint'],
    });
  });

  it('keeps the first reason and adds later ones with history', () => {
    const next = withCause(first, { reason: 'complaint', at, source: 'messaging', sourceId: 'e2' });
    expect(next).toMatchObject({ reason: 'bounce', reasons: ['bounce', 'complaint'], version: 2 });
    expect(next.history).toHaveLength(2);
  });

  it('does not record the same inbound event twice', () => {
    expect(withCause(first, { reason: 'bounce', at, source: 'messaging', sourceId: 'e1' })).toBe(
      first,
    );
  });

  it('does not repeat a manual suppression of an address already suppressed for it', () => {
    const manual = withCause(first, { reason: 'manual', at, source: 'api' });
    expect(withCause(manual, { reason: 'manual', at, source: 'api' })).toBe(manual);
  });

  it('lifts with history, and a later cause makes it active again with that reason', () => {
    const off = lifted(first, now, 'api');
    expect(off).toMatchObject({ status: 'lifted', liftedAt: now });
    expect(lifted(off, now, 'api')).toBe(off);
    const again = withCause(off, { reason: 'manual', at: now, source: 'api' });
    expect(again).toMatchObject({
      status: 'active',
      reason: 'manual',
      reasons: ['manual'],
      liftedAt: null,
    });
    expect(again.history.map((h) => h.action)).toEqual(['added', 'lifted', 'added']);
  });
});
