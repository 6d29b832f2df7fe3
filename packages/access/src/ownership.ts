import type { RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';

/** What the ownership rule needs from a request context. */
export type OwnershipContext = Pick<RequestContext, 'scope' | 'actor'> &
  Partial<Pick<RequestContext, 'teamMemberIds'>>;

/**
 * The one write rule, for every service that stores owned records (contacts, deals, tasks):
 * scope "all" writes anything in its workspace; scope "team" writes records owned by a member of
 * the actor's teams or by nobody; scope "own" writes only records the actor owns or that nobody
 * owns. Reads follow the read scope (read-scope.ts).
 */
export function mayWrite(ctx: OwnershipContext, ownerId: string | null | undefined): boolean {
  if (ctx.scope === 'all') return true;
  if (ownerId === null || ownerId === undefined || ownerId === ctx.actor.id) return true;
  return ctx.scope === 'team' && (ctx.teamMemberIds ?? []).includes(ownerId);
}

/** Throws `forbidden` unless `mayWrite`; `what` names the record in the message. */
export function assertMayWrite(
  ctx: OwnershipContext,
  ownerId: string | null | undefined,
  what: string,
): void {
  if (!mayWrite(ctx, ownerId)) {
    throw new AppError(
      'forbidden',
      `your role may only write ${what} records you own or that nobody owns`,
    );
  }
}

/**
 * For a write that sets an owner (create, assign, claim): scope "own" may leave it empty or name
 * itself, never someone else. Same rule, named for the call site.
 */
export const assertMayAssignOwner = (
  ctx: OwnershipContext,
  newOwnerId: string | null | undefined,
  what: string,
): void => assertMayWrite(ctx, newOwnerId, what);
