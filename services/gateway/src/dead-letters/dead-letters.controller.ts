import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  DeadLetter,
  ListDeadLettersQuery,
  pageOf,
  ReplayDeadLettersInput,
  ReplayDeadLettersResult,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidQuery } from '../http/route-contract';
import { DeadLettersService } from './dead-letters.service';

/** Owner only: dead letters hold raw payloads of every kind of record, and replays act for all. */
function ownerOnly(ctx: RequestContext): void {
  if (ctx.role !== 'owner') throw new AppError('forbidden', 'only an owner handles dead letters');
}

/** Messages consumers could not process (`DEAD_LETTERS`), for the workspace's owner (0148). */
@Controller('v1/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @RequiresCapability('integrations.manage')
  @Operation({
    summary:
      'List the workspace’s dead letters, oldest first (owner only). A page reads at most 500 ' +
      'dead letters, so it may hold fewer than `limit`: follow `nextCursor` until null',
    response: pageOf(DeadLetter),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ListDeadLettersQuery) query: ListDeadLettersQuery,
  ): Promise<Page<DeadLetter>> {
    ownerOnly(ctx);
    return this.deadLetters.list(ctx, query);
  }

  @Post('replay')
  @HttpCode(200)
  @RequiresCapability('integrations.manage')
  @Operation({
    summary:
      'Republish dead letters to the subjects they came from (owner only); each at most once, ' +
      'its replay recorded. Consumers that had handled the event skip it by its id',
    response: ReplayDeadLettersResult,
  })
  replay(
    @Ctx() ctx: RequestContext,
    @ValidBody(ReplayDeadLettersInput) body: ReplayDeadLettersInput,
  ): Promise<ReplayDeadLettersResult> {
    ownerOnly(ctx);
    return this.deadLetters.replay(ctx, body.ids);
  }
}
