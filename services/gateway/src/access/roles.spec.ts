import { CAPABILITIES, DEFAULT_ROLES } from '@switchboard/contracts';
import { DEFAULT_ROLE_GRANTS, grantOf, mayGrant } from './roles';

describe('default roles', () => {
  it('defines all six', () => {
    expect(Object.keys(DEFAULT_ROLE_GRANTS).sort()).toEqual([...DEFAULT_ROLES].sort());
  });

  it.each(['owner', 'admin'])('%s can do everything, on everything', (role) => {
    expect([...grantOf(role).capabilities].sort()).toEqual([...CAPABILITIES].sort());
    expect(grantOf(role).scope).toBe('all');
  });

  it('manager can do everything but erase people, manage members, API keys, integrations, webhooks and system tags', () => {
    const caps = grantOf('manager').capabilities;
    expect(caps).toContain('tags.manage');
    expect(caps).not.toContain('tags.system');
    expect(caps).not.toContain('contacts.erase');
    expect(caps).not.toContain('members.manage');
    expect(caps).not.toContain('api_keys.manage');
    expect(caps).not.toContain('integrations.manage');
    expect(caps).not.toContain('webhooks.manage');
    expect(caps).toHaveLength(CAPABILITIES.length - 6);
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

  it('factory reads and writes only its own contacts and companies, nothing of users', () => {
    const { capabilities, scope, readScope } = grantOf('factory');
    expect(scope).toBe('own');
    expect(readScope).toBe('own');
    expect(capabilities).toContain('contacts.read');
    expect(
      capabilities.filter((c) => c.startsWith('members.') || c.startsWith('api_keys.')),
    ).toEqual([]);
    expect(capabilities.filter((c) => /^(deals|tasks|leads|fit)\./.test(c))).toEqual([]);
  });

  it.each(['owner', 'admin', 'manager', 'member', 'viewer'])('%s reads everything', (role) => {
    expect(grantOf(role).readScope).toBe('all');
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

  it('never widens the read scope: a factory-scoped granter cannot hand out "all" reads', () => {
    const g = (r: string) => grantOf(r);
    expect(mayGrant('factory', g('factory'), 'factory', g('factory'))).toBe(true);
    const reader = { ...g('factory'), readScope: 'all' as const };
    expect(mayGrant('factory', g('factory'), 'reader', reader)).toBe(false);
    expect(mayGrant('member', g('member'), 'factory', g('factory'))).toBe(false); // export
  });
});
