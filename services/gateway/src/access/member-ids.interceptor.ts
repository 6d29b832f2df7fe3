import {
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { WithContext } from './access.decorators';
import { MemberCheck } from './member-check.service';

/** Body fields that name a user who will own or work a record. */
const FIELDS = ['ownerId', 'assigneeId', 'roundRobin'] as const;

/**
 * Owner and assignee ids must name current members of the workspace (decision 0110): a record
 * owned by a stranger would be out of every member's reach. The caller's own actor id is always
 * accepted (an API key owns what it creates). `null` (unassign) passes; values of the wrong type
 * are left to the route's validation.
 */
@Injectable()
export class MemberIdsInterceptor implements NestInterceptor {
  constructor(private readonly members: MemberCheck) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<WithContext & { body?: unknown }>();
    const ctx = request.switchboardCtx;
    const body = request.body;
    if (ctx && body && typeof body === 'object' && !Array.isArray(body)) {
      for (const field of FIELDS) {
        const value = (body as Record<string, unknown>)[field];
        const ids = (Array.isArray(value) ? value : [value]).map((v) =>
          typeof v === 'string' ? v : ctx.actor.id,
        );
        if (ids.some((id) => id !== ctx.actor.id))
          await this.members.assertMembers(
            ctx.workspaceId,
            ids,
            field,
            Array.isArray(value),
            ctx.actor.id,
          );
      }
    }
    return next.handle();
  }
}

/** On a route whose body may set `ownerId`, `assigneeId` or `roundRobin`. */
export const ChecksMemberIds = () => UseInterceptors(MemberIdsInterceptor);
