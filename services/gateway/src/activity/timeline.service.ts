import { Injectable } from '@nestjs/common';
import {
  RPC,
  type Page,
  type RequestContext,
  type TimelineEntry,
  type TimelineQuery,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';

@Injectable()
export class TimelineService {
  constructor(private readonly rpc: RpcClient) {}

  /** The contact is fetched first: one of another workspace answers 404 before any timeline read. */
  async page(
    ctx: RequestContext,
    contactId: string,
    query: TimelineQuery,
  ): Promise<Page<TimelineEntry>> {
    await this.rpc.call(RPC.contacts.get, ctx, { id: contactId });
    return this.rpc.call(RPC.activity.timeline, ctx, {
      anchorType: 'contact',
      anchorId: contactId,
      ...query,
    });
  }
}
