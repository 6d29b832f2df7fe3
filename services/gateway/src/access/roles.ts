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
  manager: {
    capabilities: except(
      'members.manage',
      'api_keys.manage',
      'integrations.manage',
      'webhooks.manage',
    ),
    scope: 'all',
  },
  member: {
    capabilities: [
      ...reads,
      'contacts.create',
      'contacts.update',
      'contacts.tag',
      'leads.capture',
      'leads.manage',
      'deals.write',
      'tasks.write',
      'activity.log',
      'notes.write',
    ],
    scope: 'own',
  },
  viewer: { capabilities: reads, scope: 'own' },
};

export const NO_GRANT: RoleGrant = { capabilities: [], scope: 'own' };

export const isDefaultRole = (role: string): role is DefaultRole =>
  Object.prototype.hasOwnProperty.call(DEFAULT_ROLE_GRANTS, role);

/** What a default role may do; any other name (custom roles: see GrantsService) gets nothing. */
export const grantOf = (role: string): RoleGrant =>
  isDefaultRole(role) ? DEFAULT_ROLE_GRANTS[role] : NO_GRANT;

/**
 * Whether someone holding `granter` may hand out `granted` (invite, change a member's role, bind
 * an API key): never more capabilities or a wider scope than one's own. Only owners make owners.
 */
type Grantish = { capabilities: readonly string[]; scope: OwnershipScope };

export function mayGrant(
  granterRole: string,
  granter: Grantish,
  grantedRole: string,
  granted: Grantish,
): boolean {
  if (grantedRole === 'owner' && granterRole !== 'owner') return false;
  if (granted.scope === 'all' && granter.scope !== 'all') return false;
  return granted.capabilities.every((c) => granter.capabilities.includes(c));
}
