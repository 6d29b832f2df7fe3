import { Controller } from '@nestjs/common';
import {
  RPC,
  type ContactSnapshotPage,
  type ContactSnapshotPageInput,
  type RequestContext,
  type SnapshotWorkspacesInput,
  type SnapshotWorkspacesPage,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { ContactSnapshotsService } from './contact-snapshots.service';

/** `rpc.contacts.snapshots.page` and `.workspaces`: what read models rebuild from. */
@Controller()
export class ContactSnapshotsHandler {
  constructor(private readonly snapshots: ContactSnapshotsService) {}

  @RpcHandler(RPC.contacts.snapshots)
  page(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ContactSnapshotPageInput,
  ): Promise<ContactSnapshotPage> {
    return this.snapshots.page(ctx, input);
  }

  @RpcHandler(RPC.contacts.snapshotWorkspaces)
  workspaces(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: SnapshotWorkspacesInput,
  ): Promise<SnapshotWorkspacesPage> {
    return this.snapshots.workspaces(ctx, input);
  }
}
