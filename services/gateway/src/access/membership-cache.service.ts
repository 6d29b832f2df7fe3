import { Injectable } from '@nestjs/common';
import { MembershipsRepository } from '../identity/memberships.repository';

const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * The current role of a user in a workspace, cached for a few seconds and checked on every
 * request. `changedAt` (a change marker the caller read from Redis) drops an entry older than the
 * change, so role changes and removals made on any replica apply at once; without a marker the
 * entry still expires within the TTL.
 */
@Injectable()
export class MembershipCache {
  private readonly entries = new Map<string, { role: string | null; at: number }>();

  constructor(private readonly memberships: MembershipsRepository) {}

  async roleOf(workspaceId: string, userId: string, changedAt?: number): Promise<string | null> {
    const key = `${workspaceId}/${userId}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.at + TTL_MS > now && (changedAt === undefined || changedAt < hit.at))
      return hit.role;
    const membership = await this.memberships.find(workspaceId, userId);
    const role = membership?.role ?? null;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear(); // crude bound; a miss costs one read
    this.entries.set(key, { role, at: now });
    return role;
  }

  /** After a role change or removal in this replica (others see the Redis marker). */
  forget(workspaceId: string, userId: string): void {
    this.entries.delete(`${workspaceId}/${userId}`);
  }
}
