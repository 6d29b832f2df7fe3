import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

const DAY_S = 24 * 60 * 60;

export const GatewayConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** HMAC key for access tokens. Required in every environment: a default would ship to production. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** Written as the `kid` header and required on verification, so keys can rotate later. */
  JWT_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .default('k1'),
  ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(30).max(DAY_S).default(900),
  REFRESH_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .default(30 * DAY_S),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
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
});
export type GatewayConfig = z.infer<typeof GatewayConfig>;
