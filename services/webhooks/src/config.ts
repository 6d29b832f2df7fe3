import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

const DAY_MS = 24 * 3600 * 1000;
const ms = (dflt: number) => z.coerce.number().int().min(0).default(dflt);

/** Address classes an endpoint may resolve to besides public ones (none by default). */
export const ADDRESS_CLASSES = ['loopback', 'private', 'link_local'] as const;
export type AddressClass = (typeof ADDRESS_CLASSES)[number];

export const WebhooksConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3008),
  /**
   * Comma-separated classes of addresses endpoints may resolve to: `loopback`, `private`,
   * `link_local`. Empty (the default) refuses them all: a webhook must not reach into the
   * deployment's own network. Tests and `pnpm start` allow `loopback`.
   */
  WEBHOOK_ALLOWED_ADDRESSES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(ADDRESS_CLASSES))),
  /** Whether plain `http://` endpoints are accepted (development and tests); https otherwise. */
  WEBHOOK_ALLOW_HTTP: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** One attempt's limit: connect, send and read the answer. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Bytes of an endpoint's answer read (the rest is dropped, the connection closed). */
  WEBHOOK_RESPONSE_MAX_BYTES: z.coerce.number().int().min(0).default(4096),
  /** First retry delay; doubles per attempt up to WEBHOOK_RETRY_MAX_MS. */
  WEBHOOK_RETRY_BASE_MS: ms(5000),
  WEBHOOK_RETRY_MAX_MS: ms(6 * 3600 * 1000),
  /** How long a delivery is retried after its first attempt before it is given up. */
  WEBHOOK_RETRY_WINDOW_MS: ms(3 * DAY_MS),
  /** An endpoint whose every attempt failed for this long is disabled. */
  WEBHOOK_DISABLE_AFTER_MS: ms(3 * DAY_MS),
  /** How long a delivery that waits for an older one of the same contact sleeps before it looks again. */
  WEBHOOK_ORDER_WAIT_MS: z.coerce.number().int().min(10).default(1000),
  /** Deliveries in flight per process. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(32),
  /** Default overlap of a secret rotation: the old secret keeps signing this long. */
  WEBHOOK_SECRET_OVERLAP_S: z.coerce
    .number()
    .int()
    .min(0)
    .default(24 * 3600),
  /** How often pending deliveries whose job went missing are queued again. */
  WEBHOOK_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
});
export type WebhooksConfig = z.infer<typeof WebhooksConfig>;
