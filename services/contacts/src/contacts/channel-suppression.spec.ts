import type { Channel } from '@switchboard/contracts';
import {
  addedChannelKeys,
  withoutSuppression,
  withSuppressions,
  type ActiveSuppression,
} from './channel-suppression';

const ch = (type: Channel['type'], value: string): Channel => ({
  type,
  value,
  primary: true,
  subscribed: true,
});
const bounce: ActiveSuppression = { reason: 'bounce', at: '2026-11-01T00:00:00.000Z' };

describe('withSuppressions', () => {
  it('suppresses every channel of a listed address, phone numbers across their family', () => {
    const channels = [
      ch('email', 'a@b.co'),
      ch('whatsapp', '+447700900123'),
      ch('email', 'c@d.co'),
    ];
    const active = new Map<string, ActiveSuppression>([
      ['email:a@b.co', bounce],
      ['phone:+447700900123', { reason: 'complaint' as const, at: bounce.at }],
    ]);
    expect(withSuppressions(channels, active).map((c) => c.suppression?.reason)).toEqual([
      'bounce',
      'complaint',
      undefined,
    ]);
  });

  it('keeps a suppression already there, and answers the same array when nothing changes', () => {
    const channels = [
      { ...ch('email', 'a@b.co'), suppression: { reason: 'manual' as const, at: bounce.at } },
    ];
    expect(withSuppressions(channels, new Map([['email:a@b.co', bounce]]))).toBe(channels);
  });

  it('takes the suppression of the list when it dates from earlier (causes applied out of order)', () => {
    const later = { reason: 'unsubscribe' as const, at: '2026-11-02T00:00:00.000Z' };
    const channels = [{ ...ch('email', 'a@b.co'), suppression: later }];
    const next = withSuppressions(channels, new Map([['email:a@b.co', bounce]]));
    expect(next.map((c) => c.suppression)).toEqual([bounce]);
    expect(withSuppressions(next, new Map([['email:a@b.co', later]]))).toBe(next);
  });
});

describe('withoutSuppression', () => {
  it('removes the suppression of the lifted address only', () => {
    const channels = [
      { ...ch('email', 'a@b.co'), suppression: bounce },
      { ...ch('email', 'c@d.co'), suppression: bounce },
    ];
    const next = withoutSuppression(channels, 'email:a@b.co');
    expect(next.map((c) => c.suppression)).toEqual([undefined, bounce]);
    expect(withoutSuppression(next, 'email:a@b.co')).toBe(next);
  });
});

describe('addedChannelKeys', () => {
  it('lists the addresses the channels gained', () => {
    expect(
      addedChannelKeys(
        [ch('email', 'a@b.co')],
        [ch('email', 'a@b.co'), ch('sms', '+447700900123')],
      ),
    ).toEqual(['phone:+447700900123']);
  });
});
