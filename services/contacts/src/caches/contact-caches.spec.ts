import { membership, touched } from './contact-caches';

const base = { lastTouchAt: null, segmentIds: [] as string[], version: 3 };
const t = (iso: string) => new Date(`2026-01-01T00:00:${iso}Z`);

describe('contact caches', () => {
  it('moves lastTouchAt forward only', () => {
    const once = touched(base, t('10'))!;
    expect(once).toMatchObject({ lastTouchAt: t('10'), version: 4 });
    expect(touched(once, t('10'))).toBeNull();
    expect(touched(once, t('05'))).toBeNull();
    expect(touched(once, t('20'))).toMatchObject({ lastTouchAt: t('20'), version: 5 });
  });

  it('joins and leaves segments, ignoring redeliveries and stale events', () => {
    const joined = membership(base, 's1', true, t('10'))!;
    expect(joined).toMatchObject({ segmentIds: ['s1'], version: 4 });
    expect(membership(joined, 's1', true, t('10'))).toBeNull();
    const both = membership(joined, 's2', true, t('11'))!;
    expect(both.segmentIds).toEqual(['s1', 's2']);
    const left = membership(both, 's1', false, t('20'))!;
    expect(left.segmentIds).toEqual(['s2']);
    // A joined from before the left arrives late: it changes nothing.
    expect(membership(left, 's1', true, t('15'))).toBeNull();
    // A left delivered again: nothing either.
    expect(membership(left, 's1', false, t('20'))).toBeNull();
    // Leave then join in the same millisecond: applied in arrival order.
    expect(membership(left, 's1', true, t('20'))!.segmentIds).toEqual(['s2', 's1']);
    // A leave that arrives before its join (left at 30, joined at 25 delivered later).
    const early = membership(base, 's3', false, t('30'))!;
    expect(early.segmentIds).toEqual([]);
    expect(membership(early, 's3', true, t('25'))).toBeNull();
  });
});
