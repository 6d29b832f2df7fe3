import type { CreateContactInput } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildContactDoc } from './contact-builder';
import { fieldChanges } from './contact-events';
import { applyPatch, replaceChannels, withoutBlanks } from './contact-patch';
import { toContact } from './contact.mapper';
import type { ContactDoc } from './contact.schema';

const actor = { type: 'user', id: 'u1' } as const;
const now = new Date('2026-01-02T03:04:05Z');
const c = { actor, now, dedupRule: 'email' as const };

const contact = (input: CreateContactInput): ContactDoc =>
  buildContactDoc(input, {
    id: 'c1',
    workspaceId: 'ws',
    actor,
    now: new Date('2026-01-01T00:00:00Z'),
    dedupRule: 'email',
  });

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
};

describe('applyPatch', () => {
  const ada = contact({
    firstName: 'Ada',
    lastName: 'Lovelace',
    channels: [{ type: 'email', value: 'ada@example.com' }],
    locale: 'en-GB',
    customFields: { plan: 'pro', seats: 3 },
    metadata: { crm: 'old' },
    tags: ['vip'],
  });

  it('leaves absent fields, clears null ones and follows a derived display name', () => {
    const next = applyPatch(ada, { firstName: 'Augusta', locale: null }, c);
    expect(next).toMatchObject({ firstName: 'Augusta', lastName: 'Lovelace', tags: ['vip'] });
    expect(next.locale).toBeUndefined();
    expect('locale' in next).toBe(true); // present as undefined: the writer unsets it
    expect(next.displayName).toBe('Augusta Lovelace');
    expect(fieldChanges(toContact(ada), toContact(next))).toEqual([
      { field: 'firstName', from: 'Ada', to: 'Augusta' },
      { field: 'displayName', from: 'Ada Lovelace', to: 'Augusta Lovelace' },
      { field: 'locale', from: 'en-GB', to: null },
    ]);
  });

  it('leaves a field given blank as it is: only null clears (seed 003)', () => {
    const placed = applyPatch(ada, { address: { line1: '1 Main St', city: 'London' } }, c);
    const next = applyPatch(
      placed,
      {
        firstName: '',
        lastName: '   ',
        displayName: '',
        locale: '',
        source: ' ',
        stage: '',
        address: { line1: '', city: 'Paris' },
        customFields: { plan: '', seats: 4 },
      },
      c,
    );
    expect(next).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      displayName: 'Ada Lovelace',
      locale: 'en-GB',
      address: { line1: '1 Main St', city: 'Paris' },
      customFields: { plan: 'pro', seats: 4 },
    });
    expect(applyPatch(placed, { address: { line1: ' ', city: '' } }, c).address).toEqual({
      line1: '1 Main St',
      city: 'London',
    });
    expect(fieldChanges(toContact(ada), toContact(applyPatch(ada, { firstName: '' }, c)))).toEqual(
      [],
    );
  });

  it('drops blank values from a patch before it is checked', () => {
    expect(
      withoutBlanks({
        firstName: '',
        lastName: null,
        locale: 'fr',
        stage: '  ',
        customFields: { plan: '', seats: 2, note: null },
        tags: [],
      }),
    ).toEqual({ lastName: null, locale: 'fr', customFields: { seats: 2, note: null }, tags: [] });
    expect(withoutBlanks({ customFields: { plan: '' } })).toEqual({});
  });

  it('keeps an explicit display name until it is cleared', () => {
    const named = applyPatch(ada, { displayName: 'The Countess' }, c);
    expect(applyPatch(named, { firstName: 'Augusta' }, c).displayName).toBe('The Countess');
    expect(applyPatch(named, { displayName: null }, c).displayName).toBe('Ada Lovelace');
  });

  it('merges custom fields and metadata per key, null removing a key', () => {
    const next = applyPatch(
      ada,
      { customFields: { seats: null, region: 'eu' }, metadata: null },
      c,
    );
    expect(next.customFields).toEqual({ plan: 'pro', region: 'eu' });
    expect(next.metadata).toEqual({});
    expect(fieldChanges(toContact(ada), toContact(next)).map((ch) => ch.field)).toEqual([
      'customFields.region',
      'customFields.seats',
      'metadata.crm',
    ]);
  });

  it('recomputes the dedup key only when the channels change', () => {
    expect(applyPatch(ada, { firstName: 'A' }, c).dedupKey).toBe('email:ada@example.com');
    const moved = applyPatch(ada, { channels: [{ type: 'email', value: 'ADA@new.org' }] }, c);
    expect(moved.dedupKey).toBe('email:ada@new.org');
    expect(applyPatch(ada, { channels: null }, c).dedupKey).toBe('none:c1');
  });

  it('appends a stage transition when the stage changes, and none when it does not', () => {
    const lead = applyPatch(ada, { stage: 'lead' }, c);
    expect(lead.stageHistory).toEqual([{ from: null, to: 'lead', at: now, actor }]);
    expect(applyPatch(lead, { stage: 'lead' }, c).stageHistory).toHaveLength(1);
    const cleared = applyPatch(lead, { stage: null }, c);
    expect(cleared.stage).toBeUndefined();
    expect(cleared.stageHistory[1]).toMatchObject({ from: 'lead', to: null });
  });

  it('refuses a result without a name or channel, and half a birthday', () => {
    const err = errorOf(() =>
      applyPatch(ada, { firstName: null, lastName: null, channels: [] }, c),
    );
    expect(err).toMatchObject({ code: 'validation_failed', errors: [{ path: 'displayName' }] });
    expect(errorOf(() => applyPatch(ada, { birthMonth: 4 }, c))).toMatchObject({
      errors: [{ path: 'birthDay' }],
    });
    expect(applyPatch(ada, { birthMonth: 4, birthDay: 1 }, c)).toMatchObject({
      birthMonth: 4,
      birthDay: 1,
    });
  });
});

describe('replaceChannels', () => {
  it('keeps consent, subscription and suppression of channels that stay', () => {
    const current = [
      {
        type: 'email' as const,
        value: 'a@x.io',
        primary: true,
        subscribed: false,
        consent: {
          optInAt: '2025-01-01T00:00:00.000Z',
          unsubscribedAt: '2025-06-01T00:00:00.000Z',
        },
        suppression: { reason: 'bounce' as const, at: '2025-06-01T00:00:00.000Z' },
      },
      { type: 'phone' as const, value: '+33612345678', primary: true, subscribed: true },
    ];
    const next = replaceChannels(current, [
      { type: 'email', value: 'b@x.io', primary: true },
      { type: 'email', value: ' A@X.io ', label: 'old' },
    ]);
    expect(next).toEqual([
      { type: 'email', value: 'b@x.io', primary: true, subscribed: true },
      {
        type: 'email',
        value: 'a@x.io',
        label: 'old',
        primary: false,
        subscribed: false,
        consent: current[0].consent,
        suppression: current[0].suppression,
      },
    ]);
  });
});
