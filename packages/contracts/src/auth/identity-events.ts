import { z } from 'zod';
import { Id } from '../common/primitives';

/** `crm.<ws>.workspace.created` v1: a workspace and its first owner. */
export const WorkspaceCreatedV1 = z.object({
  workspace: z.object({ id: Id, name: z.string() }),
  ownerUserId: Id,
});
export type WorkspaceCreatedV1 = z.infer<typeof WorkspaceCreatedV1>;

/** `crm.<ws>.member.invited` v1: someone was invited with a role (the token never travels). */
export const MemberInvitedV1 = z.object({
  invitationId: Id,
  email: z.string(),
  role: z.string(),
  invitedBy: z.string(),
  expiresAt: z.string(),
});
export type MemberInvitedV1 = z.infer<typeof MemberInvitedV1>;

/** `crm.<ws>.member.invitation.revoked` v1: a pending invitation can no longer be accepted. */
export const MemberInvitationRevokedV1 = z.object({
  invitationId: Id,
  email: z.string(),
  role: z.string(),
  revokedBy: z.string(),
});
export type MemberInvitationRevokedV1 = z.infer<typeof MemberInvitationRevokedV1>;

/** A field diff entry as the audit log reads it (`data.changes`). */
const FieldDiff = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

/** `crm.<ws>.member.role.changed` v1: a member's role changed (audited with its diff). */
export const MemberRoleChangedV1 = z.object({
  userId: Id,
  role: z.string(),
  previousRole: z.string(),
  changes: z.array(FieldDiff),
});
export type MemberRoleChangedV1 = z.infer<typeof MemberRoleChangedV1>;

/**
 * `crm.<ws>.member.offboarded` v1: a member was removed or deactivated (decision 0135); the
 * aggregate is the offboarding, whose record moves follow as events of their own services.
 */
export const MemberOffboardedV1 = z.object({
  offboardingId: Id,
  userId: Id,
  role: z.string(),
  mode: z.enum(['removed', 'deactivated']),
  reassignTo: z.string(),
  apiKeys: z.object({ outcome: z.enum(['revoke', 'transfer']), count: z.number().int() }),
  integrations: z.object({ outcome: z.enum(['revoke', 'transfer']), count: z.number().int() }),
});
export type MemberOffboardedV1 = z.infer<typeof MemberOffboardedV1>;

/** `crm.<ws>.api_key.created` v1 (the secret never travels). */
export const ApiKeyCreatedV1 = z.object({
  apiKeyId: Id,
  name: z.string(),
  role: z.string(),
  ownerUserId: z.string(),
});
export type ApiKeyCreatedV1 = z.infer<typeof ApiKeyCreatedV1>;

/** `crm.<ws>.api_key.revoked` v1: by its route, or because its member was offboarded. */
export const ApiKeyRevokedV1 = z.object({
  apiKeyId: Id,
  name: z.string(),
  reason: z.enum(['revoked', 'offboarding']),
});
export type ApiKeyRevokedV1 = z.infer<typeof ApiKeyRevokedV1>;

/** Identity events of the catalogue, published by the gateway. */
export const IDENTITY_EVENTS = {
  'workspace.created': { aggregate: 'workspace', version: 1, data: WorkspaceCreatedV1 },
  'member.invited': { aggregate: 'invitation', version: 1, data: MemberInvitedV1 },
  'member.invitation.revoked': {
    aggregate: 'invitation',
    version: 1,
    data: MemberInvitationRevokedV1,
  },
  'member.role.changed': { aggregate: 'member', version: 1, data: MemberRoleChangedV1 },
  'member.offboarded': { aggregate: 'offboarding', version: 1, data: MemberOffboardedV1 },
  'api_key.created': { aggregate: 'api_key', version: 1, data: ApiKeyCreatedV1 },
  'api_key.revoked': { aggregate: 'api_key', version: 1, data: ApiKeyRevokedV1 },
} as const;
