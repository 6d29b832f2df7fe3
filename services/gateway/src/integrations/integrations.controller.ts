import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  CreateIntegrationInput,
  IdParams,
  IntegrationCreated,
  IntegrationList,
  PageQuery,
  type Integration,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';
import { IntegrationsService } from './integrations.service';

@Controller('v1/integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Post()
  @RequiresCapability('integrations.manage')
  @Operation({
    summary:
      'Issue NATS credentials for a campaign system or messaging service, confined to the ' +
      'workspace (the creds file text is shown once; see docs/integrations.md)',
    response: IntegrationCreated,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateIntegrationInput) body: CreateIntegrationInput,
  ): Promise<IntegrationCreated> {
    return this.integrations.create(ctx, body);
  }

  @Get()
  @RequiresCapability('integrations.manage')
  @Operation({
    summary: 'List the integrations of the workspace (never the credentials)',
    response: IntegrationList,
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(PageQuery) query: PageQuery,
  ): Promise<Page<Integration>> {
    return this.integrations.list(ctx, query);
  }

  @Delete(':id')
  @RequiresCapability('integrations.manage')
  @HttpCode(204)
  @Operation({
    summary:
      'Revoke an integration: NATS refuses its credentials from now on and closes its open ' +
      'connections (within seconds)',
  })
  async revoke(
    @Ctx() ctx: RequestContext,
    @ValidParams(IdParams) params: { id: string },
  ): Promise<void> {
    await this.integrations.revoke(ctx, params.id);
  }
}
