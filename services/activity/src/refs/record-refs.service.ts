import { Injectable } from '@nestjs/common';
import { RPC, type NoteAnchor, type RequestContext } from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';

/**
 * The records notes and communications hang on belong to other services: they are checked over
 * RPC with the caller's context (docs/architecture.md, decision 27), so a record of another
 * workspace answers 404 as if it did not exist.
 */
@Injectable()
export class RecordRefs {
  constructor(private readonly rpc: RpcClient) {}

  /** Throws not_found unless the contact exists in the caller's workspace. */
  async assertContact(ctx: RequestContext, contactId: string): Promise<void> {
    await this.rpc.call(RPC.contacts.get, ctx, { id: contactId });
  }

  /** Checks the anchor and returns the contact it concerns (a deal's contact), if any. */
  async resolveAnchor(ctx: RequestContext, anchor: NoteAnchor): Promise<string | null> {
    switch (anchor.type) {
      case 'contact':
        await this.assertContact(ctx, anchor.id);
        return anchor.id;
      case 'deal':
        return (await this.rpc.call(RPC.deals.get, ctx, { id: anchor.id })).contactId;
      case 'company':
        await this.rpc.call(RPC.contacts.getCompany, ctx, { id: anchor.id });
        return null;
    }
  }
}
