import type { JsMsg } from 'nats';
import { AppError } from '@switchboard/errors';

/** Input no retry will fix: dead-lettered at once as `rejected`. */
export const POISON_CODES = new Set(['validation_failed']);

/**
 * Failures of a dependency rather than of the message (another service down or slow, found by the
 * chaos test: a contacts restart longer than the five attempts' ~21 s dead-lettered acknowledged
 * messaging events). They do not use up `maxDeliver`; they retry at the longest back-off until the
 * message is older than the transient window.
 */
const TRANSIENT_CODES = new Set(['unavailable', 'timeout']);

/** A failure of a dependency (`unavailable`, `timeout`), not of the request or message itself. */
export const isTransientFailure = (err: unknown): boolean =>
  TRANSIENT_CODES.has(AppError.from(err).code);

/** How long a message may keep failing on an unavailable dependency before it is dead-lettered. */
export const DEFAULT_TRANSIENT_WINDOW_MS = 24 * 3600_000;

export type FailureVerdict =
  | { kind: 'reject' }
  | { kind: 'exhausted' }
  | { kind: 'retry'; delayMs: number; transient: boolean };

/** What to do with `msg` after its handler failed with `err` on delivery `deliveryCount`. */
export function verdictOf(
  err: unknown,
  msg: Pick<JsMsg, 'info'>,
  deliveryCount: number,
  policy: { maxDeliver: number; backoffMs: number[]; transientWindowMs: number },
): FailureVerdict {
  const code = AppError.from(err).code;
  if (POISON_CODES.has(code)) return { kind: 'reject' };
  const longest = policy.backoffMs[policy.backoffMs.length - 1];
  if (isTransientFailure(err)) {
    const ageMs = Date.now() - msg.info.timestampNanos / 1e6;
    if (ageMs < policy.transientWindowMs) {
      const delayMs = policy.backoffMs[Math.min(deliveryCount - 1, policy.backoffMs.length - 1)];
      return { kind: 'retry', delayMs: delayMs ?? longest, transient: true };
    }
    return { kind: 'exhausted' };
  }
  if (deliveryCount >= policy.maxDeliver) return { kind: 'exhausted' };
  const delayMs = policy.backoffMs[Math.min(deliveryCount - 1, policy.backoffMs.length - 1)];
  return { kind: 'retry', delayMs, transient: false };
}
