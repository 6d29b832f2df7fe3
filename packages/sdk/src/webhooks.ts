import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers as `fetch` (`Headers`) or Node's `http` (`IncomingHttpHeaders`) hand them over. */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

/** How far a `webhook-timestamp` may be from now, either way, by default (Standard Webhooks). */
export const WEBHOOK_TOLERANCE_S = 5 * 60;

function header(headers: HeadersLike, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The key bytes of a `whsec_<base64>` secret (the prefix is optional). */
function secretKey(secret: string): Buffer {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  if (key.length === 0) throw new WebhookVerificationError('the webhook secret is empty');
  return key;
}

/**
 * The `webhook-signature` value for a message: `v1,` + base64 HMAC-SHA256 of
 * `<id>.<timestamp>.<body>` under the secret (Standard Webhooks).
 */
export function signWebhook(
  secret: string,
  id: string,
  timestampS: number,
  body: string | Buffer,
): string {
  const mac = createHmac('sha256', secretKey(secret))
    .update(`${id}.${timestampS}.`)
    .update(body)
    .digest('base64');
  return `v1,${mac}`;
}

/**
 * Checks a webhook request's Standard Webhooks signature (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) over the raw body, exactly as received, and returns the parsed body.
 * Throws `WebhookVerificationError` when a header is missing, the timestamp is outside the
 * tolerance (replays), or no `v1` signature matches (several may be sent during a secret
 * rotation, space-separated).
 */
export function verifyWebhook<T = unknown>(
  secret: string,
  headers: HeadersLike,
  body: string | Buffer,
  options: { toleranceS?: number; now?: Date } = {},
): T {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'missing webhook-id, webhook-timestamp or webhook-signature',
    );
  }
  const sentAt = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || !Number.isSafeInteger(sentAt)) {
    throw new WebhookVerificationError('webhook-timestamp is not a number of seconds');
  }
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceS ?? WEBHOOK_TOLERANCE_S;
  if (Math.abs(now - sentAt) > tolerance) {
    throw new WebhookVerificationError('webhook-timestamp is outside the tolerance');
  }
  const expected = Buffer.from(signWebhook(secret, id, sentAt, body).slice(3), 'base64');
  const matches = signatures.split(' ').some((candidate) => {
    const [version, mac] = candidate.split(',', 2);
    if (version !== 'v1' || !mac) return false;
    const given = Buffer.from(mac, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError('no webhook-signature matches');
  return JSON.parse(typeof body === 'string' ? body : body.toString('utf8')) as T;
}
