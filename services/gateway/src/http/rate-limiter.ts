import { Injectable } from '@nestjs/common';
import { GatewayRedis } from '../redis/gateway-redis';

/**
 * Sliding-window counters (the previous fixed window weighted by how much of it still overlaps,
 * plus the current one), all limits of a request checked and counted in one atomic script so
 * every gateway replica shares them. Time is Redis's own (`TIME`): replicas' clocks never matter.
 * KEYS: one base key per limit; ARGV: window ms, then one limit per key.
 * Returns {1, remaining} or {0, retry-after ms}.
 */
const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local win = tonumber(ARGV[1])
local id = math.floor(now / win)
local elapsed = now - id * win
local remaining = nil
for i, base in ipairs(KEYS) do
  local limit = tonumber(ARGV[i + 1])
  local cur = tonumber(redis.call('GET', base .. ':' .. id) or '0')
  local prev = tonumber(redis.call('GET', base .. ':' .. (id - 1)) or '0')
  local used = prev * (win - elapsed) / win + cur
  if used + 1 > limit then
    local retry = win - elapsed
    if cur + 1 <= limit then retry = win - elapsed - (limit - 1 - cur) * win / prev end
    return {0, math.max(1, math.ceil(retry))}
  end
  local left = math.floor(limit - used - 1)
  if remaining == nil or left < remaining then remaining = left end
end
for _, base in ipairs(KEYS) do
  local k = base .. ':' .. id
  redis.call('INCR', k)
  redis.call('PEXPIRE', k, win * 2)
end
return {1, remaining or 0}
`;

export interface Limit {
  key: string;
  limit: number;
}

export type Verdict =
  { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

@Injectable()
export class RateLimiter {
  private sha?: string;

  constructor(private readonly redis: GatewayRedis) {}

  async hit(limits: Limit[], windowMs: number): Promise<Verdict> {
    const active = limits.filter((l) => l.limit > 0);
    if (active.length === 0) return { allowed: true, remaining: Number.MAX_SAFE_INTEGER };
    const keys = active.map((l) => this.redis.key('rl', l.key));
    const args = [String(windowMs), ...active.map((l) => String(l.limit))];
    const [ok, n] = (await this.eval(keys, args)) as [number, number];
    return ok === 1 ? { allowed: true, remaining: n } : { allowed: false, retryAfterMs: n };
  }

  private async eval(keys: string[], args: string[]): Promise<unknown> {
    const client = this.redis.client;
    this.sha ??= (await client.script('LOAD', SCRIPT)) as string;
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String(err).includes('NOSCRIPT')) throw err;
      return client.eval(SCRIPT, keys.length, ...keys, ...args);
    }
  }
}
