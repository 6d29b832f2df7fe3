import { z } from 'zod';
import { PageQuery } from '../common/pagination';
import { Id, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

/**
 * Which events an endpoint receives: an event type (`deal.won`), a family ending in `.*`
 * (`contact.*`: every type under `contact.`), or `*` for every event.
 */
export const WebhookEventPattern = z
  .string()
  .max(100)
  .regex(
    /^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/,
    'must be an event type, a family like "contact.*", or "*"',
  );
export type WebhookEventPattern = z.infer<typeof WebhookEventPattern>;

/** An absolute http(s) URL without credentials; where it may point is checked by the service. */
export const WebhookUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an https:// URL');

export const CreateWebhookInput = z
  .object({
    url: WebhookUrl,
    events: z.array(WebhookEventPattern).min(1).max(50),
    /** Only `segment.member.*` events of these segments (other event types are not filtered). */
    segmentIds: z.array(Id).max(100).optional(),
    enabled: z.boolean().optional(),
    /** Deliver one contact's events one after the other, in the order they happened. */
    orderedByContact: z.boolean().optional(),
    description: z.string().max(500).optional(),
  })
  .strict();
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;

/** `PATCH /v1/webhooks/:id`: absent = unchanged; enabling again clears the failure record. */
export const UpdateWebhookInput = z
  .object({
    url: WebhookUrl.optional(),
    events: z.array(WebhookEventPattern).min(1).max(50).optional(),
    segmentIds: z.array(Id).max(100).nullable().optional(),
    enabled: z.boolean().optional(),
    orderedByContact: z.boolean().optional(),
    description: z.string().max(500).nullable().optional(),
  })
  .strict();
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInput>;

/** `POST /v1/webhooks/:id/secret/rotate`: the old secret keeps signing for `overlapSeconds`. */
export const RotateWebhookSecretInput = z
  .object({
    overlapSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600)
      .optional(),
  })
  .strict();
export type RotateWebhookSecretInput = z.infer<typeof RotateWebhookSecretInput>;

export const Webhook = z.object({
  id: Id,
  workspaceId: Id,
  url: z.string(),
  events: z.array(z.string()),
  segmentIds: z.array(Id).nullable(),
  enabled: z.boolean(),
  orderedByContact: z.boolean(),
  description: z.string().nullable(),
  /** Why it was switched off by the platform (`failing`), null when enabled or off by hand. */
  disabledReason: z.enum(['failing']).nullable(),
  /** Since when every attempt failed; null after a success. */
  failingSince: Timestamp.nullable(),
  /** Until when deliveries are also signed with the previous secret (rotation overlap). */
  previousSecretExpiresAt: Timestamp.nullable(),
  createdBy: Actor,
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Webhook = z.infer<typeof Webhook>;

/** Creation and rotation answers: the signing secret (`whsec_…`), shown this once. */
export const WebhookWithSecret = Webhook.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const WebhookIdParams = z.object({ id: Id }).strict();
export const WebhookDeliveryParams = z.object({ id: Id, deliveryId: Id }).strict();

export const WebhookDeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

export const WebhookAttempt = z.object({
  at: Timestamp,
  /** HTTP status, null when no answer came (refused address, timeout, connection error). */
  responseCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

export const WebhookDelivery = z.object({
  id: Id,
  webhookId: Id,
  eventId: Id,
  eventType: z.string(),
  status: WebhookDeliveryStatus,
  attempts: z.number().int(),
  responseCode: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  /** The latest attempts, oldest first (at most 50 kept). */
  attemptLog: z.array(WebhookAttempt),
  nextAttemptAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const ListWebhookDeliveriesQuery = PageQuery.extend({
  status: WebhookDeliveryStatus.optional(),
}).strict();
export type ListWebhookDeliveriesQuery = z.infer<typeof ListWebhookDeliveriesQuery>;
