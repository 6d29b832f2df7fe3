import { Controller } from '@nestjs/common';
import {
  RPC,
  type AuditEntry,
  type AuditQuery,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { AuditService } from './audit.service';

@Controller()
export class AuditHandler {
  constructor(private readonly audit: AuditService) {}

  @RpcHandler(RPC.activity.audit)
  page(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: AuditQuery,
  ): Promise<Page<AuditEntry>> {
    return this.audit.page(ctx, input);
  }
}
