import { Injectable } from '@nestjs/common';
import { RPC, type ContactSnapshotPage, type SnapshotWorkspacesPage } from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { serviceContext } from './field-types.repository';

/** The contacts service's snapshot pages, asked on the segments service's own behalf. */
@Injectable()
export class ContactSnapshotsClient {
  constructor(private readonly rpc: RpcClient) {}

  page(workspaceId: string, cursor: string | null, limit: number): Promise<ContactSnapshotPage> {
    return this.rpc.call(RPC.contacts.snapshots, serviceContext(workspaceId), {
      limit,
      ...(cursor ? { cursor } : {}),
    });
  }

  /** Workspaces holding contacts; the context names no workspace of its own (`system`). */
  workspaces(cursor: string | null): Promise<SnapshotWorkspacesPage> {
    return this.rpc.call(RPC.contacts.snapshotWorkspaces, serviceContext('system'), {
      ...(cursor ? { cursor } : {}),
    });
  }
}
