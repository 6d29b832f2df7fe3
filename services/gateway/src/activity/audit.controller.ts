import { Controller, Get } from '@nestjs/common';
import {
  AuditEntry,
  AuditQuery,
  pageOf,
  RPC,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidQuery } from '../http/route-contract';

@Controller('v1/audit')
export class AuditController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequiresCapability('audit.read')
  @Operation({
    summary:
      'The audit trail, newest first: every write with actor, target, action and field diff; filters combine',
    response: pageOf(AuditEntry),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(AuditQuery) query: AuditQuery,
  ): Promise<Page<AuditEntry>> {
    return this.rpc.call(RPC.activity.audit, ctx, query);
  }
}
