import { z } from 'zod';

/**
 * Stable, snake_case error codes. Services throw AppError with one of these; the gateway maps
 * them to HTTP statuses in exactly one place; RPC errors carry them unchanged.
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'duplicate_contact',
  'version_conflict',
  'idempotency_mismatch',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'timeout',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A field-level validation problem. */
export const FieldError = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type FieldError = z.infer<typeof FieldError>;

/** How an error travels over NATS (RPC replies, DLQ headers). */
export const ErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.unknown()).optional(),
  errors: z.array(FieldError).optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;
