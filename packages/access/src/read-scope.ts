import type { RequestContext } from '@switchboard/contracts';

/** What the read scope needs from a request context. */
export type ReadScopeContext = Pick<RequestContext, 'readScope' | 'actor'>;

/**
 * The owners whose records the caller may read, or `null` for every record of the workspace.
 * Scope "own" reads only what the actor owns (never unowned records: those are for claiming).
 * Services put this in their query (`ownerId` equal to it), never filter pages afterwards, so
 * counts and cursors stay right (decision 0106).
 */
export function readableOwners(ctx: ReadScopeContext): readonly string[] | null {
  if ((ctx.readScope ?? 'all') === 'all') return null;
  return [ctx.actor.id];
}

/** Whether the caller may read a record owned by `ownerId` (single reads: 404 otherwise). */
export function mayRead(ctx: ReadScopeContext, ownerId: string | null | undefined): boolean {
  const owners = readableOwners(ctx);
  return owners === null || (typeof ownerId === 'string' && owners.includes(ownerId));
}
