import type { CreateContactInput } from '@switchboard/contracts';
import { buildContactDoc } from './contact-builder';
import { mergeContacts, mergedAway, uniteChannels } from './contact-merge';
import type { ContactDoc } from './contact.schema';

const actor = { type: 'user', id: 'u1' } as const;
const now = new Date('2026-03-01T00:00:00Z');
const c = { actor, now, dedupRule: 'email' as const };

const contact = (id: string, input: CreateContactInput, at = '2026-01-01'): ContactDoc =>
  buildContactDoc(input, { id, workspaceId: 'ws', actor, now: new Date(at), dedupRule: 'email' });

describe('mergeContacts', () => {
  const survivor = contact('s', {
    firstName: 'Ada',
    channels: [{ type: 'phone', value: '+33612345678' }],
    tags: ['vip'],
    locale: 'en-GB',
    customFields: { plan: 'pro', seats: 3 },
    companyLinks: [{ companyId: 'co1', title: 'CTO' }],
    stage: 'lead',
  });
  const duplicate = contact(
    'd',
    {
      firstName: 'Augusta',
      lastName: 'Lovelace',
      channels: [
        { type: 'email', value: 'ada@example.com' },
        { type: 'phone', value: '+44 20 7946 0000' },
      ],
      tags: ['vip', 'newsletter'],
      locale: 'fr-FR',
      customFields: { plan: 'free', region: 'eu' },
      companyLinks: [{ companyId: 'co1', workEmail: 'ada@co1.io' }, { companyId: 'co2' }],
      stage: 'customer',
      ownerId: 'u7',
    },
    '2026-02-01',
  );

  it('keeps the survivor where both have a value, fills blanks, unites lists', () => {
    const { survivor: m, conflicts } = mergeContacts(survivor, duplicate, c);
    expect(m).toMatchObject({
      _id: 's',
      firstName: 'Ada',
      lastName: 'Lovelace',
      displayName: 'Ada Lovelace',
      locale: 'en-GB',
      ownerId: 'u7',
      stage: 'lead',
      tags: ['vip', 'newsletter'],
      customFields: { plan: 'pro', seats: 3, region: 'eu' },
      companyLinks: [
        { companyId: 'co1', title: 'CTO', workEmail: 'ada@co1.io' },
        { companyId: 'co2' },
      ],
      dedupKey: 'email:ada@example.com',
    });
    expect(m.channels.map((ch) => [ch.value, ch.primary])).toEqual([
      ['+33612345678', true],
      ['ada@example.com', true],
      ['+442079460000', false],
    ]);
    expect(m.stageHistory.map((t) => t.to)).toEqual(['lead', 'customer']);
    expect(conflicts.map((x) => [x.field, x.resolution])).toEqual([
      ['firstName', 'survivor'],
      ['locale', 'survivor'],
      ['stage', 'survivor'],
      ['customFields.plan', 'survivor'],
    ]);
  });

  it('takes the side a resolution names, and records the stage transition', () => {
    const { survivor: m } = mergeContacts(survivor, duplicate, {
      ...c,
      resolutions: { firstName: 'duplicate', stage: 'duplicate', 'customFields.plan': 'duplicate' },
    });
    expect(m).toMatchObject({
      firstName: 'Augusta',
      stage: 'customer',
      customFields: { plan: 'free', seats: 3, region: 'eu' },
    });
    expect(m.stageHistory.at(-1)).toEqual({ from: 'lead', to: 'customer', at: now, actor });
  });

  it('releases the duplicate’s dedup key when it archives it', () => {
    const gone = mergedAway(duplicate, 's', actor, now);
    expect(gone).toMatchObject({ status: 'archived', mergedInto: 's', dedupKey: 'merged:d' });
    expect(gone.statusHistory.at(-1)).toMatchObject({ status: 'archived', reason: 'merged' });
    expect(gone.channels).toEqual(duplicate.channels);
  });
});

describe('uniteChannels', () => {
  it('keeps the stricter consent state of a channel both have', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const united = uniteChannels(
      [
        {
          type: 'email',
          value: 'a@x.io',
          primary: true,
          subscribed: true,
          consent: { source: 'form' },
        },
      ],
      [
        {
          type: 'email',
          value: 'a@x.io',
          label: 'work',
          primary: true,
          subscribed: false,
          consent: { source: 'import', unsubscribedAt: at },
          suppression: { reason: 'complaint', at },
        },
      ],
    );
    expect(united).toEqual([
      {
        type: 'email',
        value: 'a@x.io',
        label: 'work',
        primary: true,
        subscribed: false,
        consent: { source: 'form', unsubscribedAt: at },
        suppression: { reason: 'complaint', at },
      },
    ]);
  });
});
