import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ContactIdParams,
  TimelineQuery,
  type Page,
  type RequestContext,
  type TimelineEntry,
} from '@switchboard/contracts';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { parse } from '../http/parse';
import { TimelineService } from './timeline.service';

@Controller('v1/contacts')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':id/timeline')
  @RequiresCapability('activity.read')
  page(
    @Ctx() ctx: RequestContext,
    @Param() params: unknown,
    @Query() query: unknown,
  ): Promise<Page<TimelineEntry>> {
    return this.timeline.page(
      ctx,
      parse(ContactIdParams, params, 'path').id,
      parse(TimelineQuery, query, 'query'),
    );
  }
}
