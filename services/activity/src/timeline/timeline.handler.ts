import { Controller } from '@nestjs/common';
import {
  RPC,
  type Page,
  type RequestContext,
  type TimelineAnchorType,
  type TimelineEntry,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { TimelineService } from './timeline.service';

@Controller()
export class TimelineHandler {
  constructor(private readonly timeline: TimelineService) {}

  @RpcHandler(RPC.activity.timeline)
  page(
    @RpcContext() ctx: RequestContext,
    @RpcInput()
    input: {
      anchorType: TimelineAnchorType;
      anchorId: string;
      limit: number;
      cursor?: string;
      types?: string;
    },
  ): Promise<Page<TimelineEntry>> {
    return this.timeline.page(ctx, input);
  }
}
