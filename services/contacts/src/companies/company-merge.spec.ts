import { CompanyDomain } from '@switchboard/contracts';
import { relinkedLinks } from './company-contacts.service';
import { emailDomain } from './company-directory';
import { planCompanyMerge } from './company-merge';
import type { CompanyDoc } from './company.schema';

const company = (id: string, fields: Partial<CompanyDoc> = {}): CompanyDoc => ({
  _id: id,
  workspaceId: 'ws',
  name: id,
  domains: [],
  tags: [],
  customFields: {},
  ownerId: null,
  status: 'active',
  mergedInto: null,
  mergedFrom: [],
  searchKeys: [],
  version: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...fields,
});

describe('company merge plan', () => {
  it('unites domains and tags, keeps the survivor on conflicts, fills blanks', () => {
    const { next, conflicts } = planCompanyMerge(
      company('s', { domains: ['a.com'], tags: ['x'], industry: 'Tools', customFields: { t: 1 } }),
      company('d', {
        domains: ['b.com', 'a.com'],
        tags: ['y'],
        industry: 'Steel',
        size: '1-10',
        ownerId: 'u1',
        customFields: { t: 2, r: 'eu' },
      }),
    );
    expect(next).toMatchObject({
      name: 's',
      domains: ['a.com', 'b.com'],
      tags: ['x', 'y'],
      industry: 'Tools',
      size: '1-10',
      ownerId: 'u1',
      customFields: { t: 1, r: 'eu' },
      mergedFrom: ['d'],
    });
    expect(conflicts.map((c) => c.field)).toEqual(['name', 'industry', 'customFields.t']);
  });

  it('takes the side a resolution names, blank included', () => {
    const { next } = planCompanyMerge(
      company('s', { industry: 'Tools', website: 'https://s.example' }),
      company('d', { industry: 'Steel' }),
      { industry: 'duplicate', website: 'duplicate', name: 'duplicate' },
    );
    expect(next).toMatchObject({ industry: 'Steel', name: 'd' });
    expect(next.website).toBeUndefined();
  });
});

describe('company links and domains', () => {
  it('moves a link to the survivor, folding it into an existing one', () => {
    expect(relinkedLinks([{ companyId: 'd', title: 'CEO' }], 'd', 's')).toEqual([
      { companyId: 's', title: 'CEO' },
    ]);
    expect(
      relinkedLinks(
        [
          { companyId: 's', workEmail: 'a@s.com' },
          { companyId: 'd', title: 'CEO', workEmail: 'a@d.com' },
        ],
        'd',
        's',
      ),
    ).toEqual([{ companyId: 's', title: 'CEO', workEmail: 'a@s.com' }]);
    const unrelated = [{ companyId: 'x' }];
    expect(relinkedLinks(unrelated, 'd', 's')).toBe(unrelated);
  });

  it('normalises domains and reads email domains', () => {
    expect(CompanyDomain.parse(' HTTPS://www.Example.COM/path?q=1 ')).toBe('example.com');
    expect(CompanyDomain.parse('sub.example.co.uk.')).toBe('sub.example.co.uk');
    expect(CompanyDomain.safeParse('localhost').success).toBe(false);
    expect(emailDomain(' Ada@Example.COM ')).toBe('example.com');
    expect(emailDomain('nobody')).toBeUndefined();
  });
});
