import type { Channel, CreateContactInput } from '@switchboard/contracts';
import type { ContactDoc } from '../contacts/contact.schema';
import { duplicatePatch } from './import-duplicates';

const channel = (type: Channel['type'], value: string, primary = true): Channel => ({
  type,
  value,
  primary,
  subscribed: true,
});

const existing = {
  _id: 'c1',
  firstName: 'Ada',
  lastName: undefined,
  displayName: 'Ada',
  channels: [channel('email', 'ada@example.com'), channel('phone', '+442079460000')],
  companyLinks: [{ companyId: 'co-1' }],
  address: { city: 'London' },
  tags: ['vip'],
  customFields: { plan: 'pro' },
  metadata: {},
  ownerId: null,
  stage: 'lead',
} as unknown as ContactDoc;

const row: CreateContactInput = {
  firstName: 'Augusta',
  lastName: 'King',
  channels: [
    { type: 'email', value: 'ada@example.com' },
    { type: 'phone', value: '+44 20 7946 1111' },
  ],
  tags: ['b2b'],
  address: { city: 'Paris', country: 'FR' },
  customFields: { plan: 'team', seats: 3 },
  companyLinks: [{ companyId: 'co-1', title: 'CTO' }],
  stage: 'customer',
};
const rowChannels = [channel('email', 'ada@example.com'), channel('phone', '+442079461111')];

describe('duplicate rows', () => {
  it('merge fills blanks and adds tags, channels and link details, never replacing', () => {
    expect(duplicatePatch(existing, row, rowChannels, 'merge')).toEqual({
      lastName: 'King',
      channels: [
        { type: 'email', value: 'ada@example.com', primary: true },
        { type: 'phone', value: '+442079460000', primary: true },
        { type: 'phone', value: '+442079461111', primary: false },
      ],
      tags: ['vip', 'b2b'],
      companyLinks: [{ companyId: 'co-1', title: 'CTO' }],
      address: { city: 'London', country: 'FR' },
      customFields: { seats: 3 },
    });
  });

  it('overwrite replaces what the row gives, and only that', () => {
    expect(duplicatePatch(existing, row, rowChannels, 'overwrite')).toEqual({
      firstName: 'Augusta',
      lastName: 'King',
      stage: 'customer',
      channels: [
        { type: 'email', value: 'ada@example.com', primary: true },
        { type: 'phone', value: '+442079461111', primary: true },
      ],
      tags: ['b2b'],
      companyLinks: [{ companyId: 'co-1', title: 'CTO' }],
      address: { city: 'Paris', country: 'FR' },
      customFields: { plan: 'team', seats: 3 },
    });
  });

  it('has nothing to write when the row adds nothing', () => {
    const same: CreateContactInput = {
      firstName: 'Ada',
      channels: [{ type: 'email', value: 'ada@example.com' }],
    };
    const sameChannels = [channel('email', 'ada@example.com')];
    expect(duplicatePatch(existing, same, sameChannels, 'merge')).toBeNull();
    expect(duplicatePatch(existing, same, sameChannels, 'overwrite')).toBeNull();
  });
});
