import {
  CAPABILITIES,
  type Capability,
  type DefaultRole,
  type OwnershipScope,
} from '@switchboard/contracts';

export interface RoleGrant {
  capabilities: readonly Capability[];
  scope: OwnershipScope;
}

const reads = CAPABILITIES.filter((c) => c.endsWith('.read'));
const except = (...drop: Capability[]) => CAPABILITIES.filter((c) => !drop.includes(c));

/**
 * The five default roles. Members write with scope "own" (services enforce it: only records
 * they own or nobody owns). Viewers write nothing, so the narrowest scope costs them nothing.
 */
export const DEFAULT_ROLE_GRANTS: Readonly<Record<DefaultRole, RoleGrant>> = {
  owner: { capabilities: CAPABILITIES, scope: 'all' },
  admin: { capabilities: CAPABILITIES, scope: 'all' },
  manager: { capabilities: except('members.manage', 'api_keys.manage'), scope: 'all' },
  member: {
    capabilities: [
      ...reads,
      'contacts.create',
      'contacts.update',
      'contacts.tag',
      'deals.write',
      'tasks.write',
      'activity.log',
      'notes.write',
    ],
    scope: 'own',
  },
  viewer: { capabilities: reads, scope: 'own' },
};

const NOTHING: RoleGrant = { capabilities: [], scope: 'own' };

/** What a role may do; an unknown role (custom roles come later) is granted nothing. */
export const grantOf = (role: string): RoleGrant =>
  Object.prototype.hasOwnProperty.call(DEFAULT_ROLE_GRANTS, role)
    ? DEFAULT_ROLE_GRANTS[role as DefaultRole]
    : NOTHING;
