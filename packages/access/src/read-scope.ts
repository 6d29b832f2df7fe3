import type { RequestContext } from '@switchboard/contracts';

/** What the read scope needs from a request context. */
export type ReadScopeContext = Pick<RequestContext, 'readScope' | 'actor' | 'teamMemberIds'>;

/** The actor and, with a "team" scope, everyone in its teams. */
export const teammatesOf = (ctx: Pick<RequestContext, 'actor' | 'teamMemberIds'>): string[] => [
  ...new Set([ctx.actor.id, ...(ctx.teamMemberIds ?? [])]),
];

/**
 * The owners whose records the caller may read, or `null` for every record of the workspace.
 * "own" reads only what the actor owns, "team" what the members of its teams own (never unowned
 * records: those are for claiming). Services put this in their query (`ownerId` equal to it or
 * `$in` it), never filter pages afterwards, so counts and cursors stay right (decision 0106).
 */
export function readableOwners(ctx: ReadScopeContext): readonly string[] | null {
  const scope = ctx.readScope ?? 'all';
  if (scope === 'all') return null;
  if (scope === 'team') return teammatesOf(ctx);
  return [ctx.actor.id];
}

/** Whether the caller may read a record owned by `ownerId` (single reads: 404 otherwise). */
export function mayRead(ctx: ReadScopeContext, ownerId: string | null | undefined): boolean {
  const owners = readableOwners(ctx);
  return owners === null || (typeof ownerId === 'string' && owners.includes(ownerId));
}

/**
 * The owner values a list query may match, given the owner it asks for (`undefined`: any owner,
 * `null`: unowned records): `undefined` for no owner condition at all, else the list to put next
 * to `workspaceId` (equality for one, `$in` for several; empty matches nothing). So a scoped
 * caller asking for someone else's records, or for unowned ones, gets an empty page, never an
 * error that reveals them.
 */
export function ownerCondition(
  ctx: ReadScopeContext,
  asked?: string | null,
): Array<string | null> | undefined {
  const owners = readableOwners(ctx);
  if (owners === null) return asked === undefined ? undefined : [asked];
  if (asked === undefined) return [...owners];
  return typeof asked === 'string' && owners.includes(asked) ? [asked] : [];
}
