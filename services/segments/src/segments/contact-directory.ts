import { Injectable } from '@nestjs/common';
import { RPC, type RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { RpcClient } from '@switchboard/messaging';
import { MembersRepository } from './members.repository';

/**
 * Whether a contact is in the caller's workspace: its profile says so; a contact without a
 * profile yet (created a moment ago, its event not projected) is asked of the contacts service.
 */
@Injectable()
export class ContactDirectory {
  constructor(
    private readonly members: MembersRepository,
    private readonly rpc: RpcClient,
  ) {}

  async exists(ctx: RequestContext, id: string): Promise<boolean> {
    if ((await this.members.withProfile(ctx.workspaceId, [id])).has(id)) return true;
    return this.known(ctx, id);
  }

  /** The contacts service's answer (no profile lookup). */
  async known(ctx: RequestContext, id: string): Promise<boolean> {
    try {
      await this.rpc.call(RPC.contacts.get, ctx, { id });
      return true;
    } catch (err) {
      if (AppError.from(err).code === 'not_found') return false;
      throw err;
    }
  }

  async mustExist(ctx: RequestContext, id: string): Promise<void> {
    if (!(await this.exists(ctx, id))) throw AppError.notFound('contact', id);
  }
}
