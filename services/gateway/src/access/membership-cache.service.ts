import { Injectable } from '@nestjs/common';
import { MembershipsRepository } from '../identity/memberships.repository';

const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * The current role of a user in a workspace, cached for a few seconds. Checked on every request
 * so a removed member's (or demoted member's) still-valid token stops working within the TTL.
 */
@Injectable()
export class MembershipCache {
  private readonly entries = new Map<string, { role: string | null; until: number }>();

  constructor(private readonly memberships: MembershipsRepository) {}

  async roleOf(workspaceId: string, userId: string): Promise<string | null> {
    const key = `${workspaceId}/${userId}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.role;
    const membership = await this.memberships.find(workspaceId, userId);
    const role = membership?.role ?? null;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear(); // crude bound; a miss costs one read
    this.entries.set(key, { role, until: now + TTL_MS });
    return role;
  }

  /** After a role change or removal in this replica (others catch up within the TTL). */
  forget(workspaceId: string, userId: string): void {
    this.entries.delete(`${workspaceId}/${userId}`);
  }
}
