import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

const DAY_S = 24 * 60 * 60;
const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export interface JwtKey {
  kid: string;
  secret: string;
}

function parseKeySet(value: string, ctx: z.RefinementCtx): JwtKey[] {
  const keys = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(':');
      return { kid: part.slice(0, at), secret: part.slice(at + 1) };
    });
  const bad = keys.find((k) => !KEY_ID.test(k.kid) || k.secret.length < 32);
  if (keys.length === 0 || bad) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be "kid:secret,…" with secrets of at least 32 characters${bad ? ` (bad: ${bad.kid || '?'})` : ''}`,
    });
  }
  if (new Set(keys.map((k) => k.kid)).size !== keys.length)
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'key ids must be unique' });
  return keys;
}

/**
 * A secret that length alone does not make strong: a placeholder (`change-me`, `REPLACE-ME`, the
 * old compose default) or one with few distinct characters (`xxxx…`, `abababab…`).
 */
export const weakSecret = (secret: string): boolean =>
  /change-?me|replace-?me|example|local-only|placeholder/i.test(secret) ||
  new Set(secret).size < 10;

/** A request count per window; 0 switches that limit off. */
const limit = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

export const GatewayConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * HMAC key for access tokens (the simple form: one key, named JWT_KEY_ID). One of JWT_SECRET or
   * JWT_KEYS is required in every environment: a default would ship to production.
   */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Written as the `kid` header and required on verification. */
  JWT_KEY_ID: z.string().regex(KEY_ID).default('k1'),
  /**
   * Key set for rotation: `kid:secret,kid:secret`. The first key signs; every listed key
   * verifies, so tokens signed by an older key stay valid until that key is removed.
   */
  JWT_KEYS: z
    .string()
    .optional()
    .transform((s, ctx) => (s ? parseKeySet(s, ctx) : undefined)),
  ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(30).max(DAY_S).default(900),
  REFRESH_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .default(30 * DAY_S),
  /** How often expired and revoked refresh tokens are deleted. */
  REFRESH_TOKEN_PURGE_INTERVAL_S: z.coerce.number().int().min(1).default(3600),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Largest CSV file `POST /v1/imports` takes (streamed to storage, never held in memory). */
  IMPORT_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1024 * 1024),
  /** Comma-separated allowed origins; empty means no cross-origin access. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /**
   * Workspaces whose owners may open the queue dashboard (`/admin/queues`, decision 0141):
   * comma-separated ids of the operators' own workspaces. It shows every tenant's jobs, so the
   * owner of any other workspace is refused; empty: nobody may.
   */
  OPS_WORKSPACE_IDS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /** Requests per window for one user or API key, and for one workspace (0 = no limit). */
  RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).max(DAY_S).default(60),
  RATE_LIMIT_PER_ACTOR: limit(600),
  RATE_LIMIT_PER_WORKSPACE: limit(3000),
  /** Unauthenticated routes (signup, login, refresh), per client address. */
  RATE_LIMIT_PER_IP: limit(300),
  /**
   * Failed authentications (unknown or wrong API keys, bad tokens, wrong passwords, bad refresh
   * tokens) per window, per client address and per presented credential: past either, 429
   * before any lookup or password hash (0 = no limit).
   */
  AUTH_FAILURE_WINDOW_S: z.coerce.number().int().min(1).max(DAY_S).default(300),
  AUTH_FAILURES_PER_IP: limit(100),
  AUTH_FAILURES_PER_CREDENTIAL: limit(10),
  /** Per account: after this many consecutive failed logins, a lock doubling from the base. */
  LOGIN_LOCKOUT_AFTER: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_BASE_MS: z.coerce.number().int().min(1).default(1000),
  LOGIN_LOCKOUT_MAX_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60 * 1000),
  IDEMPOTENCY_TTL_S: z.coerce.number().int().min(60).default(DAY_S),
  /**
   * Life of the lock that makes a retried request wait for the first one; refreshed every third
   * of it while the request runs, however long (bulk, merge), so it only bounds a crash's wait.
   */
  IDEMPOTENCY_LOCK_MS: z.coerce.number().int().min(300).default(10_000),
  /**
   * The NATS auth root (operator, system and application account keys; see
   * @switchboard/nats-auth): a file path or the JSON itself. Without it integrations answer 503.
   */
  NATS_AUTH_ROOT: z.string().optional(),
  /** The NATS address handed to integrations (the public one); defaults to NATS_URL. */
  INTEGRATIONS_NATS_URL: z.string().min(1).optional(),
  /** How often the revocation list NATS enforces is checked against the database. */
  INTEGRATIONS_SYNC_MS: z.coerce.number().int().min(100).default(30_000),
  INVITATION_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .default(7 * DAY_S),
})
  .refine((c) => Boolean(c.JWT_KEYS?.length || c.JWT_SECRET), {
    message: 'set JWT_SECRET (one key) or JWT_KEYS (a key set)',
    path: ['JWT_SECRET'],
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== 'production') return;
    const secrets = c.JWT_KEYS?.length ? c.JWT_KEYS.map((k) => k.secret) : [c.JWT_SECRET ?? ''];
    if (secrets.some(weakSecret))
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [c.JWT_KEYS?.length ? 'JWT_KEYS' : 'JWT_SECRET'],
        message:
          'in production the secret must be random (e.g. `openssl rand -hex 32`), not a placeholder',
      });
  });
export type GatewayConfig = z.infer<typeof GatewayConfig>;

/** The verification key set; the first key signs. */
export const jwtKeysOf = (config: GatewayConfig): JwtKey[] =>
  config.JWT_KEYS?.length
    ? config.JWT_KEYS
    : [{ kid: config.JWT_KEY_ID, secret: config.JWT_SECRET as string }];
