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

const SUMMARY =
  'newest first, cursor-paged; `types=` filters (comma-separated, `email.*` takes a family)';

@Controller('v1')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get('contacts/:id/timeline')
  @RequiresCapability('activity.read')
  @Operation({ summary: `A contact's timeline: ${SUMMARY}`, response: pageOf(TimelineEntry) })
  contact(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: { id: string },
    @ValidQuery(TimelineQuery) query: TimelineQuery,
  ): Promise<Page<TimelineEntry>> {
    return this.timeline.page(ctx, 'contact', params.id, query);
  }

  @Get('deals/:id/timeline')
  @RequiresCapability('activity.read')
  @Operation({ summary: `A deal's timeline: ${SUMMARY}`, response: pageOf(TimelineEntry) })
  deal(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: { id: string },
    @ValidQuery(TimelineQuery) query: TimelineQuery,
  ): Promise<Page<TimelineEntry>> {
    return this.timeline.page(ctx, 'deal', params.id, query);
  }

  @Get('companies/:id/timeline')
  @RequiresCapability('activity.read')
  @Operation({ summary: `A company's timeline: ${SUMMARY}`, response: pageOf(TimelineEntry) })
  company(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: { id: string },
    @ValidQuery(TimelineQuery) query: TimelineQuery,
  ): Promise<Page<TimelineEntry>> {
    return this.timeline.page(ctx, 'company', params.id, query);
  }
}
