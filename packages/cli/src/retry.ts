import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimitedError, ServerError } from '@switchboard/sdk';

/**
 * Reads that must not end a long import on a passing refusal: the rate limit, or a service too
 * busy to answer in time (a 5xx); waits as told (else 1, 2, 4… s) for up to 6 tries.
 */
export async function transientRetries<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const transient = error instanceof RateLimitedError || error instanceof ServerError;
      if (!transient || attempt >= 5) throw error;
      await sleep(Math.min(10, error.retryAfterS ?? 2 ** attempt) * 1000);
    }
  }
}
