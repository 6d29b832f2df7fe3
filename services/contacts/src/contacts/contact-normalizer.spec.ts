import { AppError } from '@switchboard/errors';
import { dedupKeyOf, displayNameOf, normaliseChannels, normaliseTags } from './contact-normalizer';

describe('contact normalisation', () => {
  it('lower-cases emails, formats phones as E.164 and keeps one primary per type', () => {
    const channels = normaliseChannels([
      { type: 'email', value: ' Work@Example.COM ' },
      { type: 'email', value: 'home@example.com', primary: true },
      { type: 'whatsapp', value: '+33 6 12 34 56 78' },
      { type: 'linkedin', value: ' https://linkedin.com/in/ada ' },
    ]);
    expect(channels).toEqual([
      { type: 'email', value: 'work@example.com', primary: false, subscribed: true },
      { type: 'email', value: 'home@example.com', primary: true, subscribed: true },
      { type: 'whatsapp', value: '+33612345678', primary: true, subscribed: true },
      { type: 'linkedin', value: 'https://linkedin.com/in/ada', primary: true, subscribed: true },
    ]);
  });

  it('drops duplicates that only differ before normalisation', () => {
    expect(
      normaliseChannels([
        { type: 'email', value: 'A@b.co' },
        { type: 'email', value: 'a@B.co' },
      ]),
    ).toHaveLength(1);
  });

  it('reports the path of a bad channel value', () => {
    expect(() =>
      normaliseChannels([
        { type: 'email', value: 'a@b.co' },
        { type: 'phone', value: '12' },
      ]),
    ).toThrow(AppError);
    let thrown: unknown;
    try {
      normaliseChannels([{ type: 'email', value: 'not-an-email' }]);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'channels.0.value' }],
    });
  });

  it('derives the display name and the default dedup key', () => {
    const channels = normaliseChannels([{ type: 'email', value: 'Ada@Example.com' }]);
    expect(displayNameOf({ firstName: 'Ada', lastName: 'Lovelace' }, channels)).toBe(
      'Ada Lovelace',
    );
    expect(displayNameOf({}, channels)).toBe('ada@example.com');
    expect(dedupKeyOf(channels, 'c1', 'email')).toBe('email:ada@example.com');
    expect(dedupKeyOf([], 'c1', 'email')).toBe('none:c1');
    expect(dedupKeyOf(channels, 'c1', 'phone')).toBe('none:c1');
    const phones = normaliseChannels([
      { type: 'whatsapp', value: '+33 6 12 34 56 78' },
      { type: 'sms', value: '+33 6 00 00 00 01' },
    ]);
    expect(dedupKeyOf(phones, 'c1', 'phone')).toBe('phone:+33612345678');
    expect(
      dedupKeyOf(
        [...phones, ...normaliseChannels([{ type: 'phone', value: '+1 202 555 0143' }])],
        'c1',
        'phone',
      ),
    ).toBe('phone:+12025550143');
    expect(normaliseTags([' vip', 'vip', '', 'b2b '])).toEqual(['vip', 'b2b']);
  });
});
