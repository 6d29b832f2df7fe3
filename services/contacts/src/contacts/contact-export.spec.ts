import type { Contact } from '@switchboard/contracts';
import { exportColumns, exportRow, neutraliseFormula } from './contact-export';

const contact: Contact = {
  id: 'c1',
  workspaceId: 'w1',
  firstName: 'Ada',
  displayName: 'Ada',
  channels: [
    { type: 'email', value: 'old@x.io', primary: false, subscribed: true },
    { type: 'email', value: 'ada@x.io', primary: true, subscribed: true },
    { type: 'phone', value: '+33612345678', primary: true, subscribed: true },
  ],
  companyLinks: [{ companyId: 'co1', title: 'CTO' }],
  address: { city: 'Paris' },
  stageHistory: [],
  ownerId: null,
  tags: ['vip', 'b2b'],
  customFields: { plan: 'pro', seats: 5, trial: false, regions: ['eu', 'us'] },
  metadata: {},
  status: 'active',
  statusHistory: [],
  mergedInto: null,
  lastTouchAt: null,
  segmentIds: [],
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

describe('contact export rows', () => {
  it('puts every column in its place, custom fields last', () => {
    const columns = exportColumns(['plan', 'seats', 'trial', 'regions', 'gone']);
    const row = Object.fromEntries(columns.map((c, i) => [c, exportRow(contact, columns)[i]]));
    expect(row).toMatchObject({
      id: 'c1',
      email: 'ada@x.io',
      phone: '+33612345678',
      lastName: '',
      tags: 'vip;b2b',
      ownerId: '',
      companyId: 'co1',
      title: 'CTO',
      'address.city': 'Paris',
      createdAt: '2026-01-01T00:00:00.000Z',
      lastTouchAt: '',
      'custom.plan': 'pro',
      'custom.seats': '5',
      'custom.trial': 'false',
      'custom.regions': 'eu;us',
      'custom.gone': '',
    });
    expect(columns.slice(-5)).toEqual([
      'custom.plan',
      'custom.seats',
      'custom.trial',
      'custom.regions',
      'custom.gone',
    ]);
  });

  it('neutralises formulas but leaves numbers and phone numbers alone', () => {
    expect(neutraliseFormula('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutraliseFormula('@cmd')).toBe("'@cmd");
    expect(neutraliseFormula('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
    expect(neutraliseFormula('+33 6 12 34 56 78')).toBe('+33 6 12 34 56 78');
    expect(neutraliseFormula('-12.5')).toBe('-12.5');
    expect(neutraliseFormula('Ada')).toBe('Ada');
  });
});
