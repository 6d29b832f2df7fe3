import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ContactIdParams,
  EraseContactBody,
  EraseContactResult,
  PersonDataExport,
  RPC,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams } from '../http/route-contract';
import { PersonDataService } from './person-data.service';

/** A contact with many duplicates, leads and fit records is erased in one request. */
const ERASE_TIMEOUT_MS = 60_000;

/** A person's rights over their data: erasure and export (decision 0131). */
@Controller('v1/contacts')
export class ContactPrivacyController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly people: PersonDataService,
  ) {}

  @Post(':id/erase')
  @HttpCode(200)
  @RequiresCapability('contacts.erase')
  @Operation({
    summary:
      'Erase a person from every service (the contact, duplicates merged into it, leads, fit, ' +
      'segment profiles and memberships, timeline, notes, communications, task and deal ' +
      'references); publishes contact.erased without personal data; suppressAddresses puts ' +
      'their addresses on the suppression list',
    response: EraseContactResult,
  })
  erase(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: { id: string },
    @ValidBody(EraseContactBody) body: EraseContactBody,
  ): Promise<EraseContactResult> {
    return this.rpc.call(
      RPC.contacts.erase,
      ctx,
      { id: params.id, suppressAddresses: body.suppressAddresses, reason: 'request' },
      { timeoutMs: ERASE_TIMEOUT_MS },
    );
  }

  @Get(':id/data-export')
  @RequiresCapability('contacts.export')
  @Operation({
    summary:
      'Everything held about a person across services, one JSON document (each list at most ' +
      '1000 items, `truncated` when cut)',
    response: PersonDataExport,
  })
  dataExport(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: { id: string },
  ): Promise<PersonDataExport> {
    return this.people.export(ctx, params.id);
  }
}
