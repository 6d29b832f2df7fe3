import type { components } from './openapi';

export type Problem = components['schemas']['Problem'];
export type ErrorCode = components['schemas']['ErrorCode'];

/**
 * A refusal of the API (an `application/problem+json` answer) as an exception. `code` is the
 * stable machine-readable reason (`validation_failed`, `duplicate_contact`, …); the subclasses
 * let callers catch by kind (`instanceof NotFoundError`).
 */
export class SwitchboardError extends Error {
  override readonly name: string = 'SwitchboardError';
  readonly code: ErrorCode | 'unexpected_response';

  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    /** Seconds to wait before trying again (`Retry-After`), when the API said so. */
    readonly retryAfterS?: number,
  ) {
    super(problem ? `${problem.title}: ${problem.detail} (${problem.code})` : `HTTP ${status}`);
    this.code = problem?.code ?? 'unexpected_response';
  }

  /** Per-field reasons of a `validation_failed` refusal. */
  get errors(): NonNullable<Problem['errors']> {
    return this.problem?.errors ?? [];
  }

  get requestId(): string | undefined {
    return this.problem?.requestId;
  }
}

export class ValidationError extends SwitchboardError {
  override readonly name = 'ValidationError';
}
export class UnauthenticatedError extends SwitchboardError {
  override readonly name = 'UnauthenticatedError';
}
export class ForbiddenError extends SwitchboardError {
  override readonly name = 'ForbiddenError';
}
export class NotFoundError extends SwitchboardError {
  override readonly name = 'NotFoundError';
}
/** 409: `version_conflict`, `duplicate_contact` (see `problem` for `duplicateOf`), … */
export class ConflictError extends SwitchboardError {
  override readonly name = 'ConflictError';
}
export class PayloadTooLargeError extends SwitchboardError {
  override readonly name = 'PayloadTooLargeError';
}
export class RateLimitedError extends SwitchboardError {
  override readonly name = 'RateLimitedError';
}
export class ServerError extends SwitchboardError {
  override readonly name = 'ServerError';
}

const BY_STATUS: Record<number, typeof SwitchboardError> = {
  400: ValidationError,
  401: UnauthenticatedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  429: RateLimitedError,
};

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).code === 'string' &&
    typeof (body as Problem).status === 'number'
  );
}

/** The exception for a non-2xx answer; `body` is its parsed JSON (undefined if it had none). */
export function problemError(response: Response, body: unknown): SwitchboardError {
  const retryAfter = Number(response.headers.get('retry-after'));
  const Kind =
    BY_STATUS[response.status] ?? (response.status >= 500 ? ServerError : SwitchboardError);
  return new Kind(
    response.status,
    isProblem(body) ? body : undefined,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** Reads a failed answer's body and throws its exception. */
export async function throwProblem(response: Response): Promise<never> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  throw problemError(response, body);
}
