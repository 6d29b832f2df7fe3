import { Injectable } from '@nestjs/common';
import { RPC, type PersonDataExport, type RequestContext } from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';

/**
 * A person's data export (`GET /v1/contacts/:id/data-export`): each service answers for what it
 * holds (`rpc.<service>.person.export`). The contacts service answers first: it decides whether
 * the contact exists and may be read by the caller (read scope), so no other service is asked
 * about a contact the caller may not see. The rest are asked in parallel.
 */
@Injectable()
export class PersonDataService {
  constructor(private readonly rpc: RpcClient) {}

  async export(ctx: RequestContext, contactId: string): Promise<PersonDataExport> {
    const input = { contactId };
    const contacts = await this.rpc.call(RPC.contacts.personExport, ctx, input);
    const [segments, activity, deals, tasks] = await Promise.all([
      this.rpc.call(RPC.segments.personExport, ctx, input),
      this.rpc.call(RPC.activity.personExport, ctx, input),
      this.rpc.call(RPC.deals.personExport, ctx, input),
      this.rpc.call(RPC.tasks.personExport, ctx, input),
    ]);
    return {
      contactId,
      exportedAt: new Date().toISOString(),
      contacts,
      segments,
      activity,
      deals,
      tasks,
    };
  }
}
