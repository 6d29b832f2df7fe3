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

/** Identity events of the catalogue, published by the gateway. */
export const IDENTITY_EVENTS = {
  'workspace.created': { aggregate: 'workspace', version: 1, data: WorkspaceCreatedV1 },
  'member.invited': { aggregate: 'invitation', version: 1, data: MemberInvitedV1 },
  'member.invitation.revoked': {
    aggregate: 'invitation',
    version: 1,
    data: MemberInvitationRevokedV1,
  },
} as const;
