import { z } from 'zod';
import { pageOf, PageQuery } from '../common/pagination';
import { Id } from '../common/primitives';
import {
  CreateWebhookInput,
  ListWebhookDeliveriesQuery,
  RotateWebhookSecretInput,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookWithSecret,
} from './webhook';

const ById = z.object({ id: Id }).strict();
const ByDelivery = z.object({ id: Id, deliveryId: Id }).strict();

/** `rpc.webhooks.*`: served by the webhooks service. */
export const WEBHOOKS_RPC = {
  create: { subject: 'rpc.webhooks.create', input: CreateWebhookInput, output: WebhookWithSecret },
  get: { subject: 'rpc.webhooks.get', input: ById, output: Webhook },
  list: { subject: 'rpc.webhooks.list', input: PageQuery, output: pageOf(Webhook) },
  update: {
    subject: 'rpc.webhooks.update',
    input: z.object({ id: Id, patch: UpdateWebhookInput }).strict(),
    output: Webhook,
  },
  delete: { subject: 'rpc.webhooks.delete', input: ById, output: z.object({ id: Id }) },
  rotateSecret: {
    subject: 'rpc.webhooks.secret.rotate',
    input: z.object({ id: Id, options: RotateWebhookSecretInput }).strict(),
    output: WebhookWithSecret,
  },
  deliveries: {
    subject: 'rpc.webhooks.deliveries.list',
    input: z.object({ id: Id, query: ListWebhookDeliveriesQuery }).strict(),
    output: pageOf(WebhookDelivery),
  },
  retry: { subject: 'rpc.webhooks.deliveries.retry', input: ByDelivery, output: WebhookDelivery },
  test: { subject: 'rpc.webhooks.test', input: ById, output: WebhookDelivery },
} as const;
