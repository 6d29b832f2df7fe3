import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';
import type { SecretKey } from './secrets/secret-box';

const DAY_MS = 24 * 3600 * 1000;
const ms = (dflt: number) => z.coerce.number().int().min(0).default(dflt);
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `kid:<base64 of 32 bytes>,…` → keys; the first one seals (see SecretBox). */
function parseSecretKeys(value: string, ctx: z.RefinementCtx): SecretKey[] {
  const keys = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(':');
      return { kid: part.slice(0, at), key: Buffer.from(part.slice(at + 1), 'base64') };
    });
  const bad = keys.find((k) => !KEY_ID.test(k.kid) || k.key.length !== 32);
  if (keys.length === 0 || bad) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be "kid:<base64 of 32 random bytes>,…"${bad ? ` (bad: ${bad.kid || '?'})` : ''}`,
    });
  }
  if (new Set(keys.map((k) => k.kid)).size !== keys.length)
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'key ids must be unique' });
  return keys;
}

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
  /**
   * Required, in every environment (a default would ship to production): the AES-256-GCM keys
   * that seal endpoint signing secrets at rest, `kid:<base64 of 32 bytes>[,kid:key…]`
   * (`openssl rand -base64 32`). The first key seals; all open. Rotation: put a new key first,
   * keep the old ones; at boot the service reseals every secret under the first key, after which
   * the old keys may go.
   */
  WEBHOOK_SECRET_KEYS: z.string().transform((s, ctx) => parseSecretKeys(s, ctx)),
  /**
   * Delivery records older than this (by creation) are deleted, finished ones only: the log an
   * endpoint's owner reads goes back this far. Default 30 days.
   */
  WEBHOOK_DELIVERY_RETENTION_MS: ms(30 * DAY_MS),
  /** How often the retention purge runs. */
  WEBHOOK_PURGE_INTERVAL_MS: z.coerce.number().int().min(100).default(3600_000),
  /** How often pending deliveries whose job went missing are queued again. */
  WEBHOOK_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
});
export type WebhooksConfig = z.infer<typeof WebhooksConfig>;
