import type { ZodError } from 'zod';
import type { FieldError } from '@switchboard/contracts';
import { AppError } from './app-error';

/** Turns a zod failure into field errors with dotted paths (`channels.0.value`). */
export const fieldErrors = (error: ZodError): FieldError[] =>
  error.issues.map((issue) => ({
    path: issue.path.join('.') || '(root)',
    message: issue.message,
    code: issue.code,
  }));

export const validationError = (error: ZodError, what = 'input'): AppError =>
  AppError.validation(`invalid ${what}`, fieldErrors(error));
