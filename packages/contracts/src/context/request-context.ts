import { z } from 'zod';
import { Id } from '../common/primitives';

export const ActorType = z.enum(['user', 'api_key', 'service']);
export const Actor = z.object({ type: ActorType, id: z.string().min(1).max(128) });
export type Actor = z.infer<typeof Actor>;

/**
 * "all": every record of the workspace; "team": records owned by the members of the actor's
 * teams (`teamMemberIds`); "own": records owned by the actor. For writes, "team" and "own" also
 * take unowned records (decision 0108).
 */
export const OwnershipScope = z.enum(['all', 'team', 'own']);
export type OwnershipScope = z.infer<typeof OwnershipScope>;

/**
 * The context envelope that rides every RPC request from the gateway to a service: who acts,
 * in which workspace, with which rights, and the ids that correlate logs across processes.
 */
export const RequestContext = z.object({
  workspaceId: Id,
  actor: Actor,
  role: z.string().min(1).max(64),
  capabilities: z.array(z.string().min(1).max(64)),
  scope: OwnershipScope,
  /**
   * Which records the caller may read: "all", or "own" (only records the actor owns). Absent
   * means "all" (service contexts, callers from before read scopes). The owning service applies
   * it in its query (decision 0106).
   */
  readScope: OwnershipScope.optional(),
  /**
   * With a "team" scope: the user ids of every member of the actor's teams, the actor included
   * (resolved by the gateway per request; decision 0108).
   */
  teamMemberIds: z.array(z.string().min(1).max(128)).max(2000).optional(),
  requestId: z.string().min(1).max(128),
  traceparent: z.string().max(128).optional(),
});
export type RequestContext = z.infer<typeof RequestContext>;
