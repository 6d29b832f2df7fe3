import { HttpException } from '@nestjs/common';
// Not re-exported by the package root; the class is what ClientNats throws for NATS "no responders".
import type { ErrorCode, Problem } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';

/** The one place where error codes become HTTP statuses. */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate_contact: 409,
  version_conflict: 409,
  idempotency_mismatch: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};

const TITLES: Readonly<Record<ErrorCode, string>> = {
  validation_failed: 'Validation failed',
  unauthenticated: 'Unauthenticated',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  duplicate_contact: 'Duplicate contact',
  version_conflict: 'Version conflict',
  idempotency_mismatch: 'Idempotency key reused with a different request',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
  timeout: 'Upstream timeout',
  internal: 'Internal error',
};

export const PROBLEM_TYPE_BASE = 'https://switchboard.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Fastify's content-parser errors, by their stable codes. */
const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
};

const codeOfStatus = (status: number): ErrorCode => {
  const exact = (Object.keys(STATUS_BY_CODE) as ErrorCode[]).find(
    (c) => STATUS_BY_CODE[c] === status && c !== 'duplicate_contact' && c !== 'version_conflict',
  );
  if (exact) return exact;
  if (status === 405) return 'not_found';
  return status >= 400 && status < 500 ? 'validation_failed' : 'internal';
};

/**
 * Whatever was thrown, as an AppError: ours as they are; Nest HTTP exceptions (unknown routes,
 * Fastify errors Nest re-wraps) and raw Fastify errors by code or status; anything else internal.
 */
export function toAppError(thrown: unknown): AppError {
  if (thrown instanceof AppError) {
    return thrown;
  }
  if (thrown instanceof HttpException) {
    return new AppError(codeOfStatus(thrown.getStatus()), thrown.message, undefined, undefined, {
      cause: thrown,
    });
  }
  const e = thrown as { code?: unknown; statusCode?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : 'request failed';
  const byCode = typeof e?.code === 'string' ? FASTIFY_CODES[e.code] : undefined;
  if (byCode) return new AppError(byCode, message, undefined, undefined, { cause: thrown });
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError(codeOfStatus(e.statusCode), message, undefined, undefined, {
      cause: thrown,
    });
  }
  return AppError.from(thrown);
}

/** `application/problem+json` for an AppError. Internal errors say nothing about their cause. */
export function problemOf(
  err: AppError,
  requestId?: string,
): { status: number; body: Problem & Record<string, unknown> } {
  const status = STATUS_BY_CODE[err.code];
  const internal = err.code === 'internal';
  const body = {
    ...(internal ? {} : err.details),
    type: PROBLEM_TYPE_BASE + err.code,
    title: TITLES[err.code],
    status,
    detail: internal ? 'an unexpected error occurred' : err.message,
    code: err.code,
    ...(err.errors && !internal ? { errors: err.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
  return { status, body };
}
