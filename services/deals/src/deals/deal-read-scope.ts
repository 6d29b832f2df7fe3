import type { QueryFilter } from 'mongoose';
import type { RequestContext } from '@switchboard/contracts';
import { ownerCondition } from '@switchboard/access';
import { trusted } from '@switchboard/storage';
import type { DealDoc } from './deal.schema';

/**
 * The caller's read scope as an `ownerId` condition of a deals query (decision 0106): lists,
 * board pages and board totals only ever see readable deals, so counts and cursors stay right.
 * `asked` is the owner the query names (`null`: unowned deals), absent for any owner.
 */
export function readScopeOf(
  ctx: Pick<RequestContext, 'actor' | 'readScope' | 'teamMemberIds'>,
  asked?: string | null,
): Pick<QueryFilter<DealDoc>, 'ownerId'> {
  const owners = ownerCondition(ctx, asked);
  if (owners === undefined) return {};
  return { ownerId: owners.length === 1 ? owners[0] : trusted({ $in: owners }) };
}
