import { membership, touched } from './contact-caches';

const base = { lastTouchAt: null, segmentIds: [] as string[] };
const t = (iso: string) => new Date(`2026-01-01T00:00:${iso}Z`);

describe('contact caches', () => {
  it('moves lastTouchAt forward only', () => {
    const once = { ...base, ...touched(base, t('10')) };
    expect(once).toMatchObject({ lastTouchAt: t('10'), lastTouchSortKey: t('10') });
    expect(once).not.toHaveProperty('version');
    expect(touched(once, t('10'))).toBeNull();
    expect(touched(once, t('05'))).toBeNull();
    expect(touched(once, t('20'))).toEqual({ lastTouchAt: t('20'), lastTouchSortKey: t('20') });
  });

  it('joins and leaves segments, ignoring redeliveries and stale events', () => {
    const apply = <C extends typeof base>(c: C, s: string, j: boolean, at: Date) => {
      const fields = membership(c, s, j, at);
      return fields && { ...c, ...fields };
    };
    const joined = apply(base, 's1', true, t('10'))!;
    expect(membership(base, 's1', true, t('10'))).toEqual({
      segmentIds: ['s1'],
      segmentSeenAt: { s1: t('10').toISOString() },
    });
    expect(membership(joined, 's1', true, t('10'))).toBeNull();
    const both = apply(joined, 's2', true, t('11'))!;
    expect(both.segmentIds).toEqual(['s1', 's2']);
    const left = apply(both, 's1', false, t('20'))!;
    expect(left.segmentIds).toEqual(['s2']);
    // A joined from before the left arrives late: it changes nothing.
    expect(membership(left, 's1', true, t('15'))).toBeNull();
    // A left delivered again: nothing either.
    expect(membership(left, 's1', false, t('20'))).toBeNull();
    // Leave then join in the same millisecond: applied in arrival order.
    expect(apply(left, 's1', true, t('20'))!.segmentIds).toEqual(['s2', 's1']);
    // A leave that arrives before its join (left at 30, joined at 25 delivered later).
    const early = apply(base, 's3', false, t('30'))!;
    expect(early.segmentIds).toEqual([]);
    expect(membership(early, 's3', true, t('25'))).toBeNull();
  });
});
