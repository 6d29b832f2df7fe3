import type { ZodError } from 'zod';
import { TOO_LARGE, type FieldError } from '@switchboard/contracts';
import { AppError } from './app-error';

/** Turns a zod failure into field errors with dotted paths (`channels.0.value`). */
export const fieldErrors = (error: ZodError): FieldError[] =>
  error.issues.map((issue) => ({
    path: issue.path.join('.') || '(root)',
    message: issue.message,
    code: issue.code,
  }));

/** True when every issue is a value over its byte limit (`boundedJson`, `maxUtf8`): a 413. */
export const onlyTooLarge = (error: ZodError): boolean =>
  error.issues.length > 0 &&
  error.issues.every(
    (i) =>
      i.code === 'custom' && (i.params as { reason?: unknown } | undefined)?.reason === TOO_LARGE,
  );

/** `validation_failed` with field errors; `payload_too_large` when only sizes were exceeded. */
export const validationError = (error: ZodError, what = 'input'): AppError =>
  onlyTooLarge(error)
    ? new AppError('payload_too_large', `${what} too large`, undefined, fieldErrors(error))
    : AppError.validation(`invalid ${what}`, fieldErrors(error));
