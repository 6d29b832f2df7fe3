import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '@switchboard/errors';
import { CONFIG } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';
import { GatewayRedis } from '../redis/gateway-redis';

/**
 * KEYS: failure counters; ARGV: one limit per key. Returns 0 when every counter is under its
 * limit, else the milliseconds until the first full one expires.
 */
const CHECK = `
for i, k in ipairs(KEYS) do
  local limit = tonumber(ARGV[i])
  local n = tonumber(redis.call('GET', k) or '0')
  if limit > 0 and n >= limit then return math.max(1, redis.call('PTTL', k)) end
end
return 0
`;

/** KEYS: failure counters; ARGV[1]: window ms. A fixed window starts at a counter's first failure. */
const FAIL = `
for _, k in ipairs(KEYS) do
  if redis.call('INCR', k) == 1 then redis.call('PEXPIRE', k, ARGV[1]) end
end
return 0
`;

/**
 * KEYS[1]: an account's login record (hash: fails, until). Returns the milliseconds it is still
 * locked for (0: not locked). Time is Redis's own, so replicas' clocks never matter.
 */
const LOGIN_CHECK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
return math.max(0, untilMs - now)
`;

/** KEYS[1]: the login record; ARGV: lock after, base ms, max ms, record ttl ms. Returns lock ms. */
const LOGIN_FAIL = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local fails = redis.call('HINCRBY', KEYS[1], 'fails', 1)
local after = tonumber(ARGV[1])
local lock = 0
if fails >= after then
  lock = math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) * 2 ^ math.min(fails - after, 40))
  redis.call('HSET', KEYS[1], 'until', now + lock)
end
redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[4]), lock))
return lock
`;

/** How long an account stays locked after its `fails`-th consecutive failed login. */
export function loginLockMs(
  fails: number,
  policy: { after: number; baseMs: number; maxMs: number },
): number {
  if (fails < policy.after) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(fails - policy.after, 40));
}

const digest = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);
const RECORD_TTL_MS = 24 * 60 * 60 * 1000;

const throttled = (ms: number, what: string) => {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new AppError('rate_limited', `${what}; retry in ${seconds} s`, { retryAfter: seconds });
};

/**
 * Throttling before work: failed authentications (unknown or wrong API keys, bad tokens, wrong
 * passwords, bad refresh tokens) count per client address and per presented credential, and are
 * checked before any database read or password hash; logins also count per account, locking it
 * for a doubling delay after LOGIN_LOCKOUT_AFTER consecutive failures (reset by a success). All
 * counters live in Redis, so every gateway replica shares them. If Redis is unreachable the
 * request goes on (logged), as with the request rate limit.
 */
@Injectable()
export class AuthThrottle {
  private readonly logger = new Logger('auth-throttle');

  constructor(
    private readonly redis: GatewayRedis,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Throws `rate_limited` when this address or this exact credential failed too often. */
  async assertMayTry(ip: string, credential?: string): Promise<void> {
    const [keys, limits] = this.counters(ip, credential);
    const ms = await this.run<number>(CHECK, keys, limits.map(String));
    if (ms) throw throttled(ms, 'too many failed authentications');
  }

  async failed(ip: string, credential?: string): Promise<void> {
    const [keys] = this.counters(ip, credential);
    await this.run(FAIL, keys, [String(this.config.AUTH_FAILURE_WINDOW_S * 1000)]);
  }

  /** Before the password hash: the address's failures, then the account's lock. */
  async assertMayLogIn(ip: string, email: string): Promise<void> {
    await this.assertMayTry(ip);
    const ms = await this.run<number>(LOGIN_CHECK, [this.account(email)], []);
    if (ms) throw throttled(ms, 'too many failed logins for this account');
  }

  async loginFailed(ip: string, email: string): Promise<void> {
    await this.failed(ip);
    const c = this.config;
    await this.run(
      LOGIN_FAIL,
      [this.account(email)],
      [c.LOGIN_LOCKOUT_AFTER, c.LOGIN_LOCKOUT_BASE_MS, c.LOGIN_LOCKOUT_MAX_MS, RECORD_TTL_MS].map(
        String,
      ),
    );
  }

  async loginSucceeded(email: string): Promise<void> {
    await this.redis.client.del(this.account(email)).catch((err: unknown) => {
      this.logger.warn({ err }, 'could not reset the login failures of an account');
    });
  }

  private counters(ip: string, credential?: string): [string[], number[]] {
    const keys = [this.redis.key('authfail', 'ip', ip)];
    const limits = [this.config.AUTH_FAILURES_PER_IP];
    if (credential) {
      keys.push(this.redis.key('authfail', 'cred', digest(credential)));
      limits.push(this.config.AUTH_FAILURES_PER_CREDENTIAL);
    }
    return [keys, limits];
  }

  private account(email: string): string {
    return this.redis.key('login', digest(email.trim().toLowerCase()));
  }

  private async run<T>(script: string, keys: string[], args: string[]): Promise<T | 0> {
    try {
      return (await this.redis.client.eval(script, keys.length, ...keys, ...args)) as T;
    } catch (err) {
      this.logger.warn({ err }, 'authentication throttle unavailable; request let through');
      return 0;
    }
  }
}
