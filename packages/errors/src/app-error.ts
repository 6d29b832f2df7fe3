import { ErrorPayload, type ErrorCode, type FieldError } from '@switchboard/contracts';

/**
 * The one error type of Switchboard. Services throw it, RPC carries its payload across NATS,
 * and the gateway maps its code to an HTTP problem in exactly one place.
 */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly errors?: FieldError[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static notFound(what: string, id?: string): AppError {
    return new AppError('not_found', id ? `${what} ${id} not found` : `${what} not found`);
  }

  static validation(message: string, errors?: FieldError[]): AppError {
    return new AppError('validation_failed', message, undefined, errors);
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }

  /** Rebuilds an AppError from whatever came back over the wire; unknown shapes become `internal`. */
  static fromPayload(raw: unknown): AppError {
    const parsed = ErrorPayload.safeParse(raw);
    if (parsed.success) {
      const p = parsed.data;
      return new AppError(p.code, p.message, p.details, p.errors);
    }
    const message = raw instanceof Error ? raw.message : 'unexpected error';
    return new AppError('internal', message, undefined, undefined, { cause: raw });
  }

  /** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
  static from(err: unknown): AppError {
    if (err instanceof AppError) return err;
    const message = err instanceof Error ? err.message : String(err);
    return new AppError('internal', message, undefined, undefined, { cause: err });
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
