import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { OwnershipScope } from '../context/request-context';
import { User, Workspace } from './auth';

const Email = z.string().trim().toLowerCase().email().max(320);
const Password = z.string().min(10, 'at least 10 characters').max(256);
/** Role names: the five defaults or a custom role's name (lower-case slug). */
export const RoleName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{1,39}$/, 'lower-case letters, digits, _ and -, 2–40 characters');

/** Opaque tokens handed to clients (refresh tokens, invitation tokens). */
const OpaqueToken = z
  .string()
  .min(16)
  .max(512)
  .regex(/^[A-Za-z0-9._~-]+$/, 'malformed token');

export const RefreshInput = z.object({ refreshToken: OpaqueToken }).strict();
export type RefreshInput = z.infer<typeof RefreshInput>;

/** `POST /v1/auth/logout`: the session of the access token, or the family of this refresh token. */
export const LogoutInput = z.object({ refreshToken: OpaqueToken.optional() }).strict();
export type LogoutInput = z.infer<typeof LogoutInput>;

/** `user` is null when the caller is an API key. */
export const Me = z.object({
  user: User.nullable(),
  workspace: Workspace,
  role: z.string(),
  capabilities: z.array(z.string()),
  scope: OwnershipScope,
  readScope: OwnershipScope,
  actor: z.object({ type: z.enum(['user', 'api_key', 'service']), id: z.string() }),
});
export type Me = z.infer<typeof Me>;

export const CreateInvitationInput = z.object({ email: Email, role: RoleName }).strict();
export type CreateInvitationInput = z.infer<typeof CreateInvitationInput>;

export const InvitationCreated = z.object({
  id: Id,
  email: z.string(),
  role: z.string(),
  token: z.string(),
  expiresAt: Timestamp,
});
export type InvitationCreated = z.infer<typeof InvitationCreated>;

/** An invitation as listed to the workspace's managers (the token is never shown again). */
export const Invitation = z.object({
  id: Id,
  email: z.string(),
  role: z.string(),
  invitedBy: z.string(),
  /** `pending` until accepted, revoked or past `expiresAt`. */
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationIdParams = z.object({ invitationId: Id }).strict();

/** An existing user accepts with their own password (`name` is then ignored). */
export const AcceptInvitationInput = z
  .object({ token: OpaqueToken, password: Password, name: z.string().trim().min(1).max(200) })
  .strict();
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const Member = z.object({
  userId: Id,
  email: z.string(),
  name: z.string(),
  role: z.string(),
  joinedAt: Timestamp,
  /** The member's last sign-in to this workspace; null before the first (seed 002). */
  lastSignInAt: Timestamp.nullable(),
  /** Set for a member deactivated by offboarding: listed, but without access (decision 0135). */
  deactivatedAt: Timestamp.nullable(),
});
export type Member = z.infer<typeof Member>;

export const UserIdParams = z.object({ userId: Id }).strict();
export const UpdateMemberInput = z.object({ role: RoleName }).strict();
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

export const CreateRoleInput = z
  .object({
    name: RoleName,
    capabilities: z.array(z.string().min(1).max(64)).max(100),
    /** Which records writes may touch. */
    scope: OwnershipScope,
    /** Which records reads see (default "all"). */
    readScope: OwnershipScope.default('all'),
  })
  .strict();
export type CreateRoleInput = z.infer<typeof CreateRoleInput>;

/** `PUT /v1/roles/:key`: the whole grant of a custom role, or a workspace's override of a default. */
export const PutRoleInput = z
  .object({
    capabilities: z.array(z.string().min(1).max(64)).max(100),
    scope: OwnershipScope,
    readScope: OwnershipScope.default('all'),
  })
  .strict();
export type PutRoleInput = z.infer<typeof PutRoleInput>;

/** `DELETE /v1/roles/:key`: the role its members, API keys and pending invitations move to. */
export const DeleteRoleInput = z.object({ moveMembersTo: RoleName.optional() }).strict();
export type DeleteRoleInput = z.infer<typeof DeleteRoleInput>;

export const RoleKeyParams = z.object({ key: RoleName }).strict();

export const Role = z.object({
  name: z.string(),
  capabilities: z.array(z.string()),
  scope: OwnershipScope,
  readScope: OwnershipScope,
  builtIn: z.boolean(),
  /** A default role this workspace has overridden with `PUT /v1/roles/:key`. */
  overridden: z.boolean(),
});
export type Role = z.infer<typeof Role>;

/** `DELETE /v1/roles/:key`: what was removed, and how many holders moved. */
export const RoleDeleted = z.object({
  name: z.string(),
  /** For a default role: its override is gone and the default grant applies again. */
  reset: z.boolean(),
  movedTo: z.string().nullable(),
  moved: z.object({
    members: z.number().int(),
    apiKeys: z.number().int(),
    invitations: z.number().int(),
  }),
});
export type RoleDeleted = z.infer<typeof RoleDeleted>;

export const CreateApiKeyInput = z
  .object({ name: z.string().trim().min(1).max(100), role: RoleName })
  .strict();
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const ApiKey = z.object({
  id: Id,
  name: z.string(),
  role: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** `POST /v1/api-keys`: `key` is shown here once and never again. */
export const ApiKeyCreated = ApiKey.extend({ key: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

export const IdParams = z.object({ id: Id }).strict();
