import { Injectable } from '@nestjs/common';
import {
  RPC,
  type Page,
  type RequestContext,
  type TimelineAnchorType,
  type TimelineEntry,
  type TimelineQuery,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';

@Injectable()
export class TimelineService {
  constructor(private readonly rpc: RpcClient) {}

  /** The record is fetched first: one of another workspace answers 404 before any timeline read. */
  async page(
    ctx: RequestContext,
    anchorType: TimelineAnchorType,
    anchorId: string,
    query: TimelineQuery,
  ): Promise<Page<TimelineEntry>> {
    const id = { id: anchorId };
    if (anchorType === 'contact') await this.rpc.call(RPC.contacts.get, ctx, id);
    else if (anchorType === 'deal') await this.rpc.call(RPC.deals.get, ctx, id);
    else await this.rpc.call(RPC.contacts.getCompany, ctx, id);
    return this.rpc.call(RPC.activity.timeline, ctx, { anchorType, anchorId, ...query });
  }
}
