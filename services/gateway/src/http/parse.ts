import type { z } from 'zod';
import type { FieldError } from '@switchboard/contracts';
import { AppError, fieldErrors, onlyTooLarge } from '@switchboard/errors';

/** One error per unknown field (`path: "hacker"`), so clients see which key to drop. */
const errorsOf = (error: z.ZodError): FieldError[] =>
  error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...issue.path, key].join('.'),
          message: 'unknown field',
          code: issue.code,
        }))
      : fieldErrors({ issues: [issue] } as z.ZodError),
  );

/**
 * Validates request input against its contract; failures become 400 `validation_failed`, or 413
 * `payload_too_large` when the only problem is a value over its byte limit.
 */
export function parse<S extends z.ZodTypeAny>(
  schema: S,
  value: unknown,
  what = 'body',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success && onlyTooLarge(result.error)) {
    throw new AppError('payload_too_large', `${what} too large`, undefined, errorsOf(result.error));
  }
  if (!result.success) throw AppError.validation(`invalid ${what}`, errorsOf(result.error));
  return result.data as z.infer<S>;
}
