import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';

/** At most this many members per team: the `team` scope carries them in every request context. */
export const TEAM_MEMBERS_MAX = 200;

const MemberIds = z
  .array(Id)
  .max(TEAM_MEMBERS_MAX)
  .transform((ids) => [...new Set(ids)]);

/** `POST /v1/teams`: members must be current members of the workspace. */
export const CreateTeamInput = z
  .object({ name: z.string().trim().min(1).max(100), memberIds: MemberIds.default([]) })
  .strict();
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

/** `PATCH /v1/teams/:id`: absent = unchanged; `memberIds` replaces the whole list. */
export const UpdateTeamInput = z
  .object({ name: z.string().trim().min(1).max(100).optional(), memberIds: MemberIds.optional() })
  .strict();
export type UpdateTeamInput = z.infer<typeof UpdateTeamInput>;

/** A team: what the `team` scope reads and writes through (records owned by its members). */
export const Team = z.object({
  id: Id,
  name: z.string(),
  memberIds: z.array(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Team = z.infer<typeof Team>;
