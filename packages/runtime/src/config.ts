import { z } from 'zod';
import { isRpcSeed, parseTrustedSigners, RpcSigner } from '@switchboard/messaging';
import { StreamLimitSettingsEnv } from './stream-limits';

export const FAULTS = [
  'none',
  'pause_outbox',
  'crash_before_publish',
  'crash_after_publish',
  /** The contacts service dies in an import's second batch, after its contacts are written. */
  'crash_mid_import',
] as const;

/** Settings every Switchboard process reads. Services extend it with their own. */
export const BaseConfig = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URL')
    .default('mongodb://127.0.0.1:27017'),
  /** Defaults to `switchboard_<service>`: one database per service. */
  MONGO_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/)
    .optional(),
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /**
   * Path of this process's NATS credentials file (its own user, see @switchboard/nats-auth).
   * Required in production; without it the connection is anonymous, which only a server
   * without authentication accepts.
   */
  NATS_CREDS: z.string().min(1).optional(),
  /** Optional subject/stream prefix (`staging.`) so environments can share a NATS cluster. */
  NATS_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9_-]+\.)?$/, 'must be empty or look like "name."')
    .default(''),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  /** Prefix for BullMQ queue keys (isolates environments and test files sharing one Redis). */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('sb'),
  HTTP_HOST: z.string().default('0.0.0.0'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /**
   * This process's Ed25519 seed (base64url, 32 bytes) that signs the context of every RPC
   * request it makes (decision 0070). Required in production.
   */
  RPC_SIGNING_SEED: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().refine(isRpcSeed, 'must be an Ed25519 seed: 32 bytes in base64url').optional(),
  ),
  /**
   * The processes whose signed contexts this one accepts: comma-separated `name=publicKey`.
   * Empty refuses every RPC request. Required in production.
   */
  RPC_TRUSTED_SIGNERS: z
    .string()
    .default('')
    .transform((v, ctx): Record<string, string> => {
      try {
        return parseTrustedSigners(v);
      } catch (err) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: (err as Error).message });
        return z.NEVER;
      }
    }),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(3000),
  OUTBOX_SWEEP_MS: z.coerce.number().int().min(50).default(1000),
  /** The relay's sweep period grows to this while sweeps find nothing (writers kick it). */
  OUTBOX_IDLE_SWEEP_MS: z.coerce.number().int().min(50).default(10_000),
  /** JetStream stream byte and age limits (STREAM_{EVENTS,MESSAGING,DLQ}_MAX_{BYTES,AGE_DAYS}). */
  ...StreamLimitSettingsEnv,
  /**
   * How versioned documents are written (docs/ferretdb.md): `auto` asks the server (FerretDB
   * names itself in `buildInfo`); `mongodb` is one conditional update per write, `ferretdb` adds
   * a version gate per write for FerretDB's read-then-write updates.
   */
  STORAGE_WRITE_STRATEGY: z.enum(['auto', 'mongodb', 'ferretdb']).default('auto'),
  /**
   * Count this process's database commands by name, served at `GET /health/db-commands`
   * (benchmarks print round trips per operation from it). Off by default.
   */
  DB_COMMAND_COUNTS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Test-only fault injection; refused in production. */
  SWITCHBOARD_FAULT: z.enum(FAULTS).default('none'),
  /**
   * Whether to believe X-Forwarded-For (client address for per-address rate limits and logs).
   * Off by default: anyone could otherwise pick their own address. Set `true` behind a proxy
   * that sets the header, or give the proxies' addresses/CIDRs, comma-separated.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | string[] =>
      v === 'true' ? true : v === 'false' || v === '' ? false : v.split(',').map((x) => x.trim()),
    ),
});
export type BaseConfig = z.infer<typeof BaseConfig>;

/** Names of settings that must never be logged. */
const SECRET_PATTERN = /SECRET|PASSWORD|TOKEN|SEED|KEYS?$|AUTH_ROOT/;

/**
 * Parses the environment once at boot. On failure the error lists every bad variable, so an
 * operator fixes them all in one go instead of one restart per mistake.
 */
export function loadConfig<S extends z.ZodTypeAny>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data as BaseConfig;
  if (config.NODE_ENV === 'production' && config.SWITCHBOARD_FAULT !== 'none') {
    throw new Error(
      'invalid configuration:\n  SWITCHBOARD_FAULT: fault injection is refused in production',
    );
  }
  if (config.NODE_ENV === 'production') {
    const missing = [
      ...(config.RPC_SIGNING_SEED ? [] : ['RPC_SIGNING_SEED']),
      ...(Object.keys(config.RPC_TRUSTED_SIGNERS).length > 0 ? [] : ['RPC_TRUSTED_SIGNERS']),
      ...(config.NATS_CREDS ? [] : ['NATS_CREDS']),
    ];
    if (missing.length > 0) {
      throw new Error(
        `invalid configuration:\n${missing.map((m) => `  ${m}: required in production`).join('\n')}`,
      );
    }
  }
  return result.data as z.infer<S>;
}

/**
 * The signer of this process's RPC requests, named after the service. Throws without
 * `RPC_SIGNING_SEED`: a process that calls other services must sign what it sends.
 */
export function rpcSigner(config: BaseConfig, service: string): RpcSigner {
  if (!config.RPC_SIGNING_SEED) {
    throw new Error(
      `${service}: RPC_SIGNING_SEED is not set; this process calls other services and must sign its requests`,
    );
  }
  return new RpcSigner(service, config.RPC_SIGNING_SEED);
}

/** `scheme://user:password@`: the userinfo of every URL in a value (lists of URLs included). */
const URL_USERINFO = /([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^@/\s]+@/g;

/** The config with secrets masked, for the boot log line: secret settings, URL credentials. */
export function redactConfig(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [
      k,
      SECRET_PATTERN.test(k) && v
        ? '[redacted]'
        : typeof v === 'string'
          ? v.replace(URL_USERINFO, '$1[redacted]@')
          : v,
    ]),
  );
}

/** Injection token for the parsed config of the running process. */
export const CONFIG = Symbol('CONFIG');
