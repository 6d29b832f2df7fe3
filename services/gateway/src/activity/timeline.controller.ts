import { Controller, Get } from '@nestjs/common';
import {
  ContactIdParams,
  pageOf,
  TimelineEntry,
  TimelineQuery,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidParams, ValidQuery } from '../http/route-contract';
import { TimelineService } from './timeline.service';

@Controller('v1/contacts')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':id/timeline')
  @RequiresCapability('activity.read')
  @Operation({ summary: "A contact's timeline, newest first", response: pageOf(TimelineEntry) })
  page(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: { id: string },
    @ValidQuery(TimelineQuery) query: TimelineQuery,
  ): Promise<Page<TimelineEntry>> {
    return this.timeline.page(ctx, params.id, query);
  }
}
