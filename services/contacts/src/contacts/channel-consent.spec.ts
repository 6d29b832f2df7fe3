import type { Channel, ConsentChange } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { assertNotFuture, channelIndexOf, withConsent } from './channel-consent';

const email: Channel = { type: 'email', value: 'ada@example.com', primary: true, subscribed: true };
const change = (
  status: ConsentChange['status'],
  at: string,
  source = 'web form',
): ConsentChange => ({
  status,
  at,
  source,
  recordedAt: '2026-12-01T00:00:00.000Z',
});

describe('withConsent', () => {
  it('records an opt-in: status, time, source, history', () => {
    const next = withConsent(email, {
      ...change('opted_in', '2026-11-01T10:00:00.000Z'),
      ip: '192.0.2.1',
    });
    expect(next.subscribed).toBe(true);
    expect(next.consent).toMatchObject({
      status: 'opted_in',
      at: '2026-11-01T10:00:00.000Z',
      source: 'web form',
      ip: '192.0.2.1',
      optInAt: '2026-11-01T10:00:00.000Z',
    });
    expect(next.consent?.history).toHaveLength(1);
  });

  it('an opt-out clears subscribed and keeps the earlier opt-in in the history', () => {
    const inThenOut = withConsent(
      withConsent(email, change('opted_in', '2026-11-01T10:00:00.000Z')),
      change('opted_out', '2026-11-05T10:00:00.000Z', 'preference centre'),
    );
    expect(inThenOut.subscribed).toBe(false);
    expect(inThenOut.consent?.status).toBe('opted_out');
    expect(inThenOut.consent?.unsubscribedAt).toBe('2026-11-05T10:00:00.000Z');
    expect(inThenOut.consent?.history?.map((h) => h.status)).toEqual(['opted_in', 'opted_out']);
  });

  it('a back-dated change joins the history without overriding a later one', () => {
    const next = withConsent(
      withConsent(email, change('opted_out', '2026-11-05T10:00:00.000Z')),
      change('opted_in', '2026-10-01T10:00:00.000Z'),
    );
    expect(next.consent?.status).toBe('opted_out');
    expect(next.consent?.history?.map((h) => h.at)).toEqual([
      '2026-10-01T10:00:00.000Z',
      '2026-11-05T10:00:00.000Z',
    ]);
  });

  it('the same change again is no change (same object)', () => {
    const once = withConsent(email, change('opted_in', '2026-11-01T10:00:00.000Z'));
    expect(withConsent(once, change('opted_in', '2026-11-01T10:00:00.000Z'))).toBe(once);
  });

  it('keeps at most the latest 20 changes', () => {
    let c = email;
    for (let i = 0; i < 25; i++) {
      c = withConsent(
        c,
        change(i % 2 ? 'opted_in' : 'opted_out', new Date(Date.UTC(2026, 0, i + 1)).toISOString()),
      );
    }
    expect(c.consent?.history).toHaveLength(20);
    expect(c.consent?.history?.[19].at).toBe(new Date(Date.UTC(2026, 0, 25)).toISOString());
  });
});

describe('channelIndexOf', () => {
  const channels: Channel[] = [
    email,
    { type: 'phone', value: '+447700900123', primary: true, subscribed: true },
  ];

  it('finds a channel by type and normalised value', () => {
    expect(channelIndexOf(channels, 'email:Ada@Example.com')).toBe(0);
    expect(channelIndexOf(channels, 'phone:+44 7700 900123')).toBe(1);
  });

  it.each(['email:bob@example.com', 'fax:1', 'phone:not-a-number', 'sms:+447700900123'])(
    '%s is not found',
    (key) => {
      expect(() => channelIndexOf(channels, key)).toThrow(
        expect.objectContaining({ code: 'not_found' }) as AppError,
      );
    },
  );
});

describe('assertNotFuture', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('accepts now, the past and no time', () => {
    expect(() => assertNotFuture(undefined, now)).not.toThrow();
    expect(() => assertNotFuture('2026-12-01T12:00:00Z', now)).not.toThrow();
    expect(() => assertNotFuture('2020-01-01T00:00:00Z', now)).not.toThrow();
  });
  it('refuses a time in the future with validation_failed on `at`', () => {
    expect(() => assertNotFuture('2026-12-01T12:00:01Z', now)).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'at' })],
      }) as AppError,
    );
  });
});
