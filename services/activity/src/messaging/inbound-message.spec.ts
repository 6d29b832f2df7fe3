import { consequences, lookupKeysOfChannel, parseInbound } from './inbound-message';

const payload = { id: 'e1', occurredAt: '2026-01-01T00:00:00.000Z' };

describe('inbound messaging events', () => {
  it('places an event by its subject and names the person by id or normalised address', () => {
    const byId = parseInbound('messaging.ws1.email.opened', { ...payload, contactId: 'c1' });
    expect(byId).toMatchObject({
      workspaceId: 'ws1',
      channel: 'email',
      event: 'opened',
      type: 'email.opened',
      entryId: 'msg:ws1:e1',
      lookupKey: 'id:c1',
    });
    expect(
      parseInbound('messaging.ws1.email.sent', { ...payload, address: ' Ada@Example.COM ' })
        .lookupKey,
    ).toBe('addr:email:ada@example.com');
    expect(
      parseInbound('messaging.ws1.sms.sent', { ...payload, address: '+49 (151) 123-45' }).lookupKey,
    ).toBe('addr:sms:+4915112345');
  });

  it('refuses unknown channels and events, payloads without a person, bots named by address', () => {
    for (const [subject, body] of [
      ['messaging.ws1.fax.sent', { ...payload, contactId: 'c1' }],
      ['messaging.ws1.linkedin.opened', { ...payload, contactId: 'c1' }],
      ['messaging.ws1.email', { ...payload, contactId: 'c1' }],
      ['messaging.ws1.email.sent', payload],
      ['messaging.ws1.email.sent', { ...payload, id: 'has space', contactId: 'c1' }],
      ['messaging.ws1.bot.replied', { ...payload, address: 'a@b.co' }],
    ] as const) {
      expect(() => parseInbound(subject, body)).toThrow();
    }
  });

  it('derives the touch, the direction and the channel effect', () => {
    const of = (event: string, detail?: Record<string, unknown>, channel = 'email') =>
      consequences(
        parseInbound(`messaging.ws1.${channel}.${event}`, { ...payload, contactId: 'c1', detail }),
      );
    expect(of('sent')).toEqual({ touch: true, direction: 'outbound', effect: null });
    expect(of('replied')).toEqual({ touch: true, direction: 'inbound', effect: null });
    expect(of('opened')).toEqual({ touch: false, direction: 'outbound', effect: null });
    expect(of('bounced').effect).toBe('suppress_bounce');
    expect(of('bounced', { bounceType: 'Soft' }).effect).toBeNull();
    expect(of('bounced', { type: 'hard' }).effect).toBe('suppress_bounce');
    expect(of('complained').effect).toBe('suppress_complaint');
    expect(of('unsubscribed').effect).toBe('unsubscribe');
    expect(of('escalated', undefined, 'bot')).toEqual({
      touch: false,
      direction: 'inbound',
      effect: null,
    });
  });

  it('names the lookup keys a stored channel answers to', () => {
    expect(lookupKeysOfChannel('phone', '+4915112345678')).toEqual([
      'addr:sms:+4915112345678',
      'addr:whatsapp:+4915112345678',
    ]);
    expect(lookupKeysOfChannel('email', 'ada@example.com')).toEqual(['addr:email:ada@example.com']);
  });
});
