import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';

export const ProjectionRebuildStatus = z.enum(['running', 'done']);
export type ProjectionRebuildStatus = z.infer<typeof ProjectionRebuildStatus>;

/**
 * The rebuild of one workspace's segment profiles from the contacts service (decision 0085):
 * a backfill over `rpc.contacts.snapshots.page`, resumed from `cursor` after a restart.
 */
export const ProjectionRebuild = z.object({
  workspaceId: Id,
  status: ProjectionRebuildStatus,
  /** `automatic` (the projection was empty at boot) or `requested` (the admin route). */
  trigger: z.enum(['automatic', 'requested']),
  /** Contacts read so far in this run. */
  contacts: z.number().int(),
  pages: z.number().int(),
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
export type ProjectionRebuild = z.infer<typeof ProjectionRebuild>;
