import { CAPABILITIES, DEFAULT_ROLES } from '@switchboard/contracts';
import { DEFAULT_ROLE_GRANTS, grantOf, mayGrant } from './roles';

describe('default roles', () => {
  it('defines all five', () => {
    expect(Object.keys(DEFAULT_ROLE_GRANTS).sort()).toEqual([...DEFAULT_ROLES].sort());
  });

  it.each(['owner', 'admin'])('%s can do everything, on everything', (role) => {
    expect([...grantOf(role).capabilities].sort()).toEqual([...CAPABILITIES].sort());
    expect(grantOf(role).scope).toBe('all');
  });

  it('manager can do everything but manage members, API keys, integrations and webhooks', () => {
    const caps = grantOf('manager').capabilities;
    expect(caps).not.toContain('members.manage');
    expect(caps).not.toContain('api_keys.manage');
    expect(caps).not.toContain('integrations.manage');
    expect(caps).not.toContain('webhooks.manage');
    expect(caps).toHaveLength(CAPABILITIES.length - 4);
    expect(grantOf('manager').scope).toBe('all');
  });

  it('member reads everything and writes its own records', () => {
    const { capabilities, scope } = grantOf('member');
    for (const read of CAPABILITIES.filter((c) => c.endsWith('.read')))
      expect(capabilities).toContain(read);
    expect([...capabilities.filter((c) => !c.endsWith('.read'))].sort()).toEqual([
      'activity.log',
      'contacts.create',
      'contacts.tag',
      'contacts.update',
      'deals.write',
      // Members capture leads and work those assigned to them (scope own).
      'leads.capture',
      'leads.manage',
      'notes.write',
      'tasks.write',
    ]);
    expect(scope).toBe('own');
  });

  it('viewer only reads', () => {
    const caps = grantOf('viewer').capabilities;
    expect(caps.length).toBeGreaterThan(0);
    expect(caps.every((c) => c.endsWith('.read'))).toBe(true);
  });

  it.each(['', 'superuser', 'constructor', '__proto__', 'toString'])(
    'grants nothing to unknown role %j',
    (role) => {
      expect(grantOf(role).capabilities).toEqual([]);
    },
  );

  it('never lets a role grant more than it holds; only owners make owners', () => {
    const g = (r: string) => grantOf(r);
    expect(mayGrant('owner', g('owner'), 'owner', g('owner'))).toBe(true);
    expect(mayGrant('admin', g('admin'), 'owner', g('owner'))).toBe(false);
    expect(mayGrant('admin', g('admin'), 'admin', g('admin'))).toBe(true);
    expect(mayGrant('manager', g('manager'), 'admin', g('admin'))).toBe(false);
    expect(mayGrant('manager', g('manager'), 'member', g('member'))).toBe(true);
    const custom = { capabilities: g('member').capabilities, scope: 'all' as const };
    expect(mayGrant('member', g('member'), 'custom', custom)).toBe(false);
  });
});
