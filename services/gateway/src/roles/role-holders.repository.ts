import { Injectable } from '@nestjs/common';
import { ApiKeysRepository } from '../identity/api-keys.repository';
import { InvitationsRepository } from '../identity/invitations.repository';
import { MembershipsRepository } from '../identity/memberships.repository';

/** Bounds one move; a workspace with more holders of one role is moved by repeating the call. */
const BATCH = 1000;

/**
 * Everyone who holds a role in a workspace: members, API keys bound to it, pending invitations
 * that would grant it. Moving them is one equality-scoped update per holder (no multi-document
 * transaction): a move cut short leaves the rest on the old role, and deleting the role again
 * finishes it.
 */
@Injectable()
export class RoleHoldersRepository {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly apiKeys: ApiKeysRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  /** The user ids of the members holding `role`. */
  async membersWith(workspaceId: string, role: string): Promise<string[]> {
    const rows = await this.memberships.model
      .find({ workspaceId, role }, { userId: 1 })
      .limit(BATCH)
      .lean<Array<{ userId: string }>>();
    return rows.map((r) => r.userId);
  }

  async moveMember(
    workspaceId: string,
    userId: string,
    from: string,
    to: string,
  ): Promise<boolean> {
    const res = await this.memberships.model.updateOne(
      { workspaceId, userId, role: from },
      { $set: { role: to } },
    );
    return res.modifiedCount === 1;
  }

  /** API keys bound to `from`, revoked or not (a revoked key's role is history, but keep it valid). */
  async moveApiKeys(workspaceId: string, from: string, to: string): Promise<number> {
    const keys = await this.apiKeys.model
      .find({ workspaceId, role: from }, { _id: 1 })
      .limit(BATCH)
      .lean<Array<{ _id: string }>>();
    let moved = 0;
    for (const key of keys) {
      const res = await this.apiKeys.model.updateOne(
        { workspaceId, _id: key._id, role: from },
        { $set: { role: to } },
      );
      moved += res.modifiedCount;
    }
    return moved;
  }

  /** Invitations not yet accepted: accepting one later grants `to`. */
  async moveInvitations(workspaceId: string, from: string, to: string): Promise<number> {
    const pending = await this.invitations.model
      .find({ workspaceId, role: from, acceptedAt: null }, { _id: 1 })
      .limit(BATCH)
      .lean<Array<{ _id: string }>>();
    let moved = 0;
    for (const inv of pending) {
      const res = await this.invitations.model.updateOne(
        { workspaceId, _id: inv._id, role: from, acceptedAt: null },
        { $set: { role: to } },
      );
      moved += res.modifiedCount;
    }
    return moved;
  }
}
