import { Controller } from '@nestjs/common';
import {
  RPC,
  type BulkContactsInput,
  type BulkContactsResult,
  type Contact,
  type ContactTagsInput,
  type MergeContactsInput,
  type MergeContactsResult,
  type ReassignOwnerInput,
  type ReassignOwnerResult,
  type RequestContext,
  type UpdateContactInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { ContactBulkService } from './contact-bulk.service';
import { ContactMergeService } from './contact-merge.service';
import { ContactWritesService } from './contact-writes.service';

type ById = { id: string };

/** RPC edge of the contact writes: update, archive/restore, tags, claim/release, bulk, merge. */
@Controller()
export class ContactWritesHandler {
  constructor(
    private readonly writes: ContactWritesService,
    private readonly bulkWrites: ContactBulkService,
    private readonly merges: ContactMergeService,
  ) {}

  @RpcHandler(RPC.contacts.update)
  async update(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdateContactInput },
  ): Promise<Contact> {
    return (await this.writes.update(ctx, input.id, input.patch)).contact;
  }

  @RpcHandler(RPC.contacts.archive)
  async archive(@RpcContext() ctx: RequestContext, @RpcInput() input: ById): Promise<Contact> {
    return (await this.writes.archive(ctx, input.id)).contact;
  }

  @RpcHandler(RPC.contacts.restore)
  async restore(@RpcContext() ctx: RequestContext, @RpcInput() input: ById): Promise<Contact> {
    return (await this.writes.restore(ctx, input.id)).contact;
  }

  @RpcHandler(RPC.contacts.tags)
  async tags(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; tags: ContactTagsInput },
  ): Promise<Contact> {
    return (await this.writes.tags(ctx, input.id, input.tags)).contact;
  }

  @RpcHandler(RPC.contacts.claim)
  async claim(@RpcContext() ctx: RequestContext, @RpcInput() input: ById): Promise<Contact> {
    return (await this.writes.claim(ctx, input.id)).contact;
  }

  @RpcHandler(RPC.contacts.release)
  async release(@RpcContext() ctx: RequestContext, @RpcInput() input: ById): Promise<Contact> {
    return (await this.writes.release(ctx, input.id)).contact;
  }

  @RpcHandler(RPC.contacts.reassignOwner)
  reassignOwner(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ReassignOwnerInput,
  ): Promise<ReassignOwnerResult> {
    return this.writes.reassignOwner(ctx, input);
  }

  @RpcHandler(RPC.contacts.bulk)
  bulk(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: BulkContactsInput,
  ): Promise<BulkContactsResult> {
    return this.bulkWrites.run(ctx, input);
  }

  @RpcHandler(RPC.contacts.merge)
  merge(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: MergeContactsInput,
  ): Promise<MergeContactsResult> {
    return this.merges.merge(ctx, input);
  }
}
