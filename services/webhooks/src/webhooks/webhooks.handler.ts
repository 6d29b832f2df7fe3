import { Controller } from '@nestjs/common';
import {
  RPC,
  type CreateWebhookInput,
  type ListWebhookDeliveriesQuery,
  type Page,
  type PageQuery,
  type RequestContext,
  type RotateWebhookSecretInput,
  type UpdateWebhookInput,
  type Webhook,
  type WebhookDelivery,
  type WebhookWithSecret,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { DeliveriesService } from '../deliveries/deliveries.service';
import { WebhooksService } from './webhooks.service';

/** RPC edge of the webhooks service: `rpc.webhooks.*`. */
@Controller()
export class WebhooksHandler {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @RpcHandler(RPC.webhooks.create)
  create(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: CreateWebhookInput,
  ): Promise<WebhookWithSecret> {
    return this.webhooks.create(ctx, input);
  }

  @RpcHandler(RPC.webhooks.get)
  get(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Webhook> {
    return this.webhooks.get(ctx, input.id);
  }

  @RpcHandler(RPC.webhooks.list)
  list(@RpcContext() ctx: RequestContext, @RpcInput() input: PageQuery): Promise<Page<Webhook>> {
    return this.webhooks.list(ctx, input);
  }

  @RpcHandler(RPC.webhooks.update)
  update(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdateWebhookInput },
  ): Promise<Webhook> {
    return this.webhooks.update(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.webhooks.delete)
  delete(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }) {
    return this.webhooks.delete(ctx, input.id);
  }

  @RpcHandler(RPC.webhooks.rotateSecret)
  rotateSecret(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; options: RotateWebhookSecretInput },
  ): Promise<WebhookWithSecret> {
    return this.webhooks.rotateSecret(ctx, input.id, input.options);
  }

  @RpcHandler(RPC.webhooks.deliveries)
  deliveriesOf(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; query: ListWebhookDeliveriesQuery },
  ): Promise<Page<WebhookDelivery>> {
    return this.deliveries.list(ctx, input.id, input.query);
  }

  @RpcHandler(RPC.webhooks.retry)
  retry(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; deliveryId: string },
  ): Promise<WebhookDelivery> {
    return this.deliveries.retry(ctx, input.id, input.deliveryId);
  }

  @RpcHandler(RPC.webhooks.test)
  test(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string },
  ): Promise<WebhookDelivery> {
    return this.deliveries.test(ctx, input.id);
  }
}
