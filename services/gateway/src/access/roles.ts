import {
  CAPABILITIES,
  type Capability,
  type DefaultRole,
  type OwnershipScope,
} from '@switchboard/contracts';

export interface RoleGrant {
  capabilities: readonly Capability[];
  /** Which records writes may touch. */
  scope: OwnershipScope;
  /** Which records reads see (decision 0106). */
  readScope: OwnershipScope;
}

const reads = CAPABILITIES.filter((c) => c.endsWith('.read'));
const except = (...drop: Capability[]) => CAPABILITIES.filter((c) => !drop.includes(c));

/**
 * The six default roles (a workspace may override any but owner: GrantsService). Members read
 * everything and write with scope "own" (services enforce it: only records they own or nobody
 * owns). Factory (seed 002) reads and writes only its own contacts and companies and nothing of
 * users. Viewers write nothing, so the narrowest write scope costs them nothing.
 */
export const DEFAULT_ROLE_GRANTS: Readonly<Record<DefaultRole, RoleGrant>> = {
  owner: { capabilities: CAPABILITIES, scope: 'all', readScope: 'all' },
  admin: { capabilities: CAPABILITIES, scope: 'all', readScope: 'all' },
  manager: {
    capabilities: except(
      // Erasure (GDPR) stays with owners and admins.
      'contacts.erase',
      'members.manage',
      'api_keys.manage',
      'integrations.manage',
      'webhooks.manage',
      // bot: tags belong to automations (API keys with a role holding it), decision 0127.
      'tags.system',
    ),
    scope: 'all',
    readScope: 'all',
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
    readScope: 'all',
  },
  factory: {
    capabilities: [
      'contacts.read',
      'contacts.create',
      'contacts.update',
      'contacts.tag',
      'contacts.export',
      'segments.read',
      'activity.read',
      'activity.log',
      'notes.write',
    ],
    scope: 'own',
    readScope: 'own',
  },
  viewer: { capabilities: reads, scope: 'own', readScope: 'all' },
};

export const NO_GRANT: RoleGrant = { capabilities: [], scope: 'own', readScope: 'own' };

export const isDefaultRole = (role: string): role is DefaultRole =>
  Object.prototype.hasOwnProperty.call(DEFAULT_ROLE_GRANTS, role);

/** What a default role may do; any other name (custom roles: see GrantsService) gets nothing. */
export const grantOf = (role: string): RoleGrant =>
  isDefaultRole(role) ? DEFAULT_ROLE_GRANTS[role] : NO_GRANT;

/**
 * Whether someone holding `granter` may hand out `granted` (invite, change a member's role, bind
 * an API key): never more capabilities or a wider scope than one's own. Only owners make owners.
 */
type Grantish = {
  capabilities: readonly string[];
  scope: OwnershipScope;
  readScope?: OwnershipScope;
};

const WIDTH: Record<OwnershipScope, number> = { own: 0, team: 1, all: 2 };
const wider = (a: OwnershipScope | undefined, b: OwnershipScope | undefined) =>
  WIDTH[a ?? 'all'] > WIDTH[b ?? 'all'];

export function mayGrant(
  granterRole: string,
  granter: Grantish,
  grantedRole: string,
  granted: Grantish,
): boolean {
  if (grantedRole === 'owner' && granterRole !== 'owner') return false;
  if (wider(granted.scope, granter.scope)) return false;
  if (wider(granted.readScope, granter.readScope)) return false;
  return granted.capabilities.every((c) => granter.capabilities.includes(c));
}
