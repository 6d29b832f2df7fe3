import type { Contact } from '@switchboard/contracts';
import { emptyProfile, type ProfileDoc } from '@switchboard/segment-store';
import {
  ACTIVITY_SEEN_MAX,
  attributesFromContact,
  countActivities,
  fitChange,
  foldCounters,
  snapshotChange,
  typedCustom,
} from './profile.mapper';

const contact = (over: Partial<Contact> = {}): Contact => ({
  id: 'c1',
  workspaceId: 'w1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  displayName: 'Ada Lovelace',
  channels: [
    { type: 'email', value: 'old@x.io', primary: false, subscribed: true },
    { type: 'email', value: 'ada@x.io', primary: true, subscribed: false },
    {
      type: 'phone',
      value: '+33612345678',
      primary: false,
      subscribed: true,
      suppression: { reason: 'bounce', at: '2026-01-01T00:00:00.000Z' },
    },
  ],
  companyLinks: [{ companyId: 'co1' }, { companyId: 'co2' }],
  address: { country: 'FR' },
  birthMonth: 12,
  birthDay: 10,
  stage: 'customer',
  stageHistory: [],
  ownerId: 'u1',
  tags: ['vip'],
  customFields: {},
  metadata: {},
  status: 'active',
  statusHistory: [],
  mergedInto: null,
  lastTouchAt: '2026-11-20T10:00:00.000Z',
  segmentIds: ['ignored'],
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-11-21T00:00:00.000Z',
  ...over,
});

const profile = (over: Partial<ProfileDoc> = {}): ProfileDoc => ({
  ...emptyProfile('w1', 'c1'),
  ...over,
});

describe('profile mapper', () => {
  it('maps a contact to the segment-dsl profile shape', () => {
    const p = attributesFromContact(contact(), new Map());
    expect(p).toMatchObject({
      version: 3,
      email: 'ada@x.io',
      phone: '+33612345678',
      companyId: 'co1',
      country: 'FR',
      birthMonth: 12,
      birthDay: 10,
      birthday: 1210,
      status: 'active',
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
      lastTouchAt: new Date('2026-11-20T10:00:00.000Z'),
      tags: ['vip'],
    });
    expect(p.channels).toEqual([
      { type: 'email', value: 'old@x.io', primary: false, subscribed: true, suppressed: false },
      { type: 'email', value: 'ada@x.io', primary: true, subscribed: false, suppressed: false },
      { type: 'phone', value: '+33612345678', primary: false, subscribed: true, suppressed: true },
    ]);
    expect(p).not.toHaveProperty('segments');
  });

  it('carries a recorded consent per channel (absent while unknown)', () => {
    const p = attributesFromContact(
      contact({
        channels: [
          {
            type: 'email',
            value: 'ada@x.io',
            primary: true,
            subscribed: false,
            consent: { status: 'opted_out', at: '2026-02-01T00:00:00.000Z', source: 'messaging' },
          },
          { type: 'sms', value: '+33612345678', primary: true, subscribed: true },
        ],
      }),
      new Map(),
    );
    expect(p.channels?.map((c) => c.consent)).toEqual(['opted_out', undefined]);
  });

  it('types custom values by their definitions; dates become Date', () => {
    const types = new Map([
      ['renewal', 'date'],
      ['seats', 'number'],
      ['trial', 'boolean'],
      ['modules', 'multi_select'],
      ['plan', 'select'],
    ]);
    expect(
      typedCustom(
        {
          renewal: '2026-03-01',
          seats: '12',
          trial: 'true',
          modules: 'crm',
          plan: 'pro',
          free: 7,
          gone: null,
          bad: { nested: 1 },
        },
        types,
      ),
    ).toEqual({
      renewal: new Date('2026-03-01T00:00:00.000Z'),
      seats: 12,
      trial: true,
      modules: ['crm'],
      plan: 'pro',
      free: 7,
    });
    expect(typedCustom({ renewal: 'not a date', seats: 'many' }, types)).toEqual({});
  });

  it('applies only newer contact versions', () => {
    const p = profile({ version: 3 });
    expect(snapshotChange(p, contact({ version: 3 }), new Map())).toBeNull();
    expect(snapshotChange(p, contact({ version: 2 }), new Map())).toBeNull();
    expect(snapshotChange(p, contact({ version: 4 }), new Map())).toMatchObject({ version: 4 });
  });

  it('counts activities per UTC day once per event id, and prunes old days', () => {
    const now = new Date('2026-12-05T12:00:00.000Z');
    const p = profile({
      activity: { 'email:opened': { '2025-01-01': 4, '2026-12-04': 1 } },
      activitySeen: ['e0'],
    });
    const next = countActivities(
      p,
      [
        { id: 'e0', activity: 'email.opened', occurredAt: new Date('2026-12-05T01:00:00Z') },
        { id: 'e1', activity: 'email.opened', occurredAt: new Date('2026-12-04T23:59:59Z') },
        { id: 'e2', activity: 'email.opened', occurredAt: new Date('2026-12-05T00:00:00Z') },
        { id: 'e2', activity: 'email.opened', occurredAt: new Date('2026-12-05T00:00:00Z') },
        { id: 'e3', activity: 'sms.replied', occurredAt: new Date('2026-12-05T08:00:00Z') },
        { id: 'e4', activity: 'email.opened', occurredAt: new Date('2024-01-01T00:00:00Z') },
      ],
      now,
      400,
    )!;
    expect(next.activity).toEqual({
      'email:opened': { '2026-12-04': 2, '2026-12-05': 1 },
      'sms:replied': { '2026-12-05': 1 },
    });
    expect(next.activitySeen).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    const again = countActivities(
      { ...p, ...next },
      [{ id: 'e1', activity: 'email.opened', occurredAt: now }],
      now,
      400,
    );
    expect(again).toBeNull();
  });

  it('keeps a bounded list of counted ids', () => {
    const seen = Array.from({ length: ACTIVITY_SEEN_MAX }, (_, i) => `old${i}`);
    const next = countActivities(
      profile({ activitySeen: seen }),
      [{ id: 'new', activity: 'email.opened', occurredAt: new Date() }],
      new Date(),
      400,
    )!;
    expect(next.activitySeen).toHaveLength(ACTIVITY_SEEN_MAX);
    expect(next.activitySeen?.at(-1)).toBe('new');
    expect(next.activitySeen?.[0]).toBe('old1');
  });

  it('keeps the newest fit score per product', () => {
    const t = (s: string) => new Date(`2026-12-01T00:00:${s}Z`);
    const p = profile({ fit: { crm: 40 }, fitAt: { crm: t('10').toISOString() } });
    expect(fitChange(p, [{ productSlug: 'crm', total: 10, occurredAt: t('05') }])).toBeNull();
    expect(
      fitChange(p, [
        { productSlug: 'crm', total: 70, occurredAt: t('20') },
        { productSlug: 'erp', total: 55.5, occurredAt: t('01') },
      ]),
    ).toEqual({
      fit: { crm: 70, erp: 55.5 },
      fitAt: { crm: t('20').toISOString(), erp: t('01').toISOString() },
    });
  });

  it('sums the duplicate counters into the survivor once', () => {
    const survivor = profile({
      activity: { 'email:opened': { '2026-12-01': 2 } },
      activitySeen: ['s1'],
    });
    const duplicate = {
      ...emptyProfile('w1', 'd1'),
      activity: {
        'email:opened': { '2026-12-01': 1, '2026-12-02': 3 },
        'sms:sent': { '2026-12-02': 1 },
      },
      activitySeen: ['d1', 'd2'],
    };
    const folded = foldCounters(survivor, duplicate)!;
    expect(folded).toEqual({
      activity: {
        'email:opened': { '2026-12-01': 3, '2026-12-02': 3 },
        'sms:sent': { '2026-12-02': 1 },
      },
      activitySeen: ['d1', 'd2', 's1'],
      mergedFrom: ['d1'],
    });
    expect(foldCounters({ ...survivor, ...folded }, duplicate)).toBeNull();
  });
});
