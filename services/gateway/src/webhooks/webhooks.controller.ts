import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  CreateWebhookInput,
  ListWebhookDeliveriesQuery,
  pageOf,
  PageQuery,
  RotateWebhookSecretInput,
  RPC,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryParams,
  WebhookIdParams,
  WebhookWithSecret,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };

/** Outbound webhooks (docs/webhooks.md), served by the webhooks service. */
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequiresCapability('webhooks.manage')
  @Operation({
    summary: 'Register an endpoint; the answer holds its signing secret, shown this once',
    response: WebhookWithSecret,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateWebhookInput) body: CreateWebhookInput,
  ): Promise<WebhookWithSecret> {
    return this.rpc.call(RPC.webhooks.create, ctx, body);
  }

  @Get()
  @RequiresCapability('webhooks.manage')
  @Operation({ summary: 'List endpoints', response: pageOf(Webhook) })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(PageQuery) query: PageQuery,
  ): Promise<Page<Webhook>> {
    return this.rpc.call(RPC.webhooks.list, ctx, query);
  }

  @Get(':id')
  @RequiresCapability('webhooks.manage')
  @Operation({ summary: 'Get an endpoint', response: Webhook })
  get(@Ctx() ctx: RequestContext, @ValidParams(WebhookIdParams) params: Id): Promise<Webhook> {
    return this.rpc.call(RPC.webhooks.get, ctx, params);
  }

  @Patch(':id')
  @RequiresCapability('webhooks.manage')
  @Operation({
    summary: 'Change an endpoint; enabling it again clears its failures',
    response: Webhook,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(WebhookIdParams) params: Id,
    @ValidBody(UpdateWebhookInput) body: UpdateWebhookInput,
  ): Promise<Webhook> {
    return this.rpc.call(RPC.webhooks.update, ctx, { id: params.id, patch: body });
  }

  @Delete(':id')
  @HttpCode(204)
  @RequiresCapability('webhooks.manage')
  @Operation({ summary: 'Delete an endpoint (pending deliveries are dropped)' })
  async delete(
    @Ctx() ctx: RequestContext,
    @ValidParams(WebhookIdParams) params: Id,
  ): Promise<void> {
    await this.rpc.call(RPC.webhooks.delete, ctx, params);
  }

  @Post(':id/secret/rotate')
  @HttpCode(200)
  @RequiresCapability('webhooks.manage')
  @Operation({
    summary: 'New signing secret (shown once); the old one also signs during the overlap',
    response: WebhookWithSecret,
  })
  rotate(
    @Ctx() ctx: RequestContext,
    @ValidParams(WebhookIdParams) params: Id,
    @ValidBody(RotateWebhookSecretInput) body: RotateWebhookSecretInput,
  ): Promise<WebhookWithSecret> {
    return this.rpc.call(RPC.webhooks.rotateSecret, ctx, { id: params.id, options: body });
  }

  @Get(':id/deliveries')
  @RequiresCapability('webhooks.manage')
  @Operation({
    summary: 'Delivery log, newest first: status, response code, latency, attempts',
    response: pageOf(WebhookDelivery),
  })
  deliveries(
    @Ctx() ctx: RequestContext,
    @ValidParams(WebhookIdParams) params: Id,
    @ValidQuery(ListWebhookDeliveriesQuery) query: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDelivery>> {
    return this.rpc.call(RPC.webhooks.deliveries, ctx, { id: params.id, query });
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @RequiresCapability('webhooks.manage')
  @Operation({ summary: 'Send a finished delivery again', response: WebhookDelivery })
  retry(
    @Ctx() ctx: RequestContext,
    @ValidParams(WebhookDeliveryParams) params: { id: string; deliveryId: string },
  ): Promise<WebhookDelivery> {
    return this.rpc.call(RPC.webhooks.retry, ctx, params);
  }

  @Post(':id/test')
  @HttpCode(202)
  @RequiresCapability('webhooks.manage')
  @Operation({ summary: 'Send a sample `webhook.test` event', response: WebhookDelivery })
  test(
    @Ctx() ctx: RequestContext,
    @ValidParams(WebhookIdParams) params: Id,
  ): Promise<WebhookDelivery> {
    return this.rpc.call(RPC.webhooks.test, ctx, params);
  }
}
