import { Injectable } from '@nestjs/common';
import type { FieldError } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { MembershipsRepository } from '../identity/memberships.repository';

const CONCURRENCY = 8;

/**
 * Whether user ids name current members of a workspace: team members, and the owner and
 * assignee ids of records (decision 0110). One equality read per id (`$in` scans on FerretDB).
 */
@Injectable()
export class MemberCheck {
  constructor(private readonly memberships: MembershipsRepository) {}

  /** The ids among `userIds` that are not members of the workspace now. */
  async strangers(workspaceId: string, userIds: readonly string[]): Promise<string[]> {
    const ids = [...new Set(userIds)];
    const out: string[] = [];
    for (let i = 0; i < ids.length; i += CONCURRENCY) {
      const chunk = ids.slice(i, i + CONCURRENCY);
      const found = await Promise.all(chunk.map((id) => this.memberships.find(workspaceId, id)));
      chunk.forEach((id, j) => found[j] === null && out.push(id));
    }
    return out;
  }

  /**
   * `validation_failed` naming each id that is no member (at `path.<index>`, or at `path` when
   * not `indexed`); `accepted` (the caller's own actor id) always passes.
   */
  async assertMembers(
    workspaceId: string,
    userIds: readonly string[],
    path: string,
    indexed = true,
    accepted?: string,
  ): Promise<void> {
    const strangers = new Set(
      await this.strangers(
        workspaceId,
        userIds.filter((id) => id !== accepted),
      ),
    );
    if (strangers.size === 0) return;
    const errors: FieldError[] = userIds.flatMap((id, i) =>
      strangers.has(id)
        ? [
            {
              path: indexed ? `${path}.${i}` : path,
              message: `${id} is not a member of this workspace`,
            },
          ]
        : [],
    );
    throw AppError.validation('not a member of this workspace', errors);
  }
}
