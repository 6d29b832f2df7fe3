import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

/**
 * `crm.<ws>.webhook.endpoint.disabled` v1: every delivery to the endpoint failed for the
 * configured period (3 days by default), so it was switched off. `owner` is who created it.
 */
export const WebhookEndpointDisabledV1 = z.object({
  webhookId: Id,
  url: z.string(),
  owner: Actor,
  failingSince: Timestamp,
  reason: z.literal('failing'),
});
export type WebhookEndpointDisabledV1 = z.infer<typeof WebhookEndpointDisabledV1>;

/** Webhook events of the catalogue, published by the webhooks service. */
export const WEBHOOK_EVENTS = {
  'webhook.endpoint.disabled': {
    aggregate: 'webhook',
    version: 1,
    data: WebhookEndpointDisabledV1,
  },
} as const;
