import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiKey,
  ApiKeyCreated,
  CreateApiKeyInput,
  IdParams,
  type RequestContext,
} from '@switchboard/contracts';
import { z } from 'zod';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams } from '../http/route-contract';
import { ApiKeysService } from './api-keys.service';

@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @RequiresCapability('api_keys.manage')
  @Operation({
    summary: 'Create an API key bound to a role (the key is shown once)',
    response: ApiKeyCreated,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateApiKeyInput) body: CreateApiKeyInput,
  ): Promise<ApiKeyCreated> {
    return this.keys.create(ctx, body);
  }

  @Get()
  @RequiresCapability('api_keys.manage')
  @Operation({
    summary: 'List API keys (prefix, role, last use; never the secret)',
    response: z.array(ApiKey),
  })
  list(@Ctx() ctx: RequestContext): Promise<ApiKey[]> {
    return this.keys.list(ctx);
  }

  @Delete(':id')
  @RequiresCapability('api_keys.manage')
  @HttpCode(204)
  @Operation({ summary: 'Revoke an API key, effective on the next request everywhere' })
  async revoke(
    @Ctx() ctx: RequestContext,
    @ValidParams(IdParams) params: { id: string },
  ): Promise<void> {
    await this.keys.revoke(ctx, params.id);
  }
}
