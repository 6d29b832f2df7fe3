import {
  createParamDecorator,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { z } from 'zod';
import { AppError } from '@switchboard/errors';

/**
 * Optimistic concurrency over HTTP for versioned records: the record's `version` is its entity
 * tag. Responses carry `ETag: "<version>"`; a write may send it back in `If-Match` (`"3"`,
 * `W/"3"` or a bare `3` are accepted; `*` means any version) to be refused with 409
 * `version_conflict` if the record moved on since.
 */
const TAG = /^(?:W\/)?"?(\d{1,15})"?$/;

/** The version an `If-Match` value names; undefined for none or `*`. */
export function versionOfIfMatch(header: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(header) ? header.join(',') : (header ?? '')).trim();
  if (value === '' || value === '*') return undefined;
  const m = TAG.exec(value);
  const version = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(version) || version < 1) {
    throw AppError.validation('invalid If-Match', [
      { path: 'If-Match', message: 'one entity tag as sent in ETag, e.g. "3"' },
    ]);
  }
  return version;
}

/** The version of `If-Match`, checked against a `version` in the body when both are given. */
export function expectedVersion(
  header: number | undefined,
  body: number | undefined,
): number | undefined {
  if (header !== undefined && body !== undefined && header !== body) {
    throw AppError.validation('If-Match and version disagree', [
      { path: 'version', message: `If-Match names version ${header}, the body ${body}` },
    ]);
  }
  return header ?? body;
}

/** `@IfMatch()`: the version named by the request's If-Match header (400 when malformed). */
export const IfMatch = createParamDecorator((_: unknown, ec: ExecutionContext) =>
  versionOfIfMatch(ec.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);

/** Sets `ETag: "<version>"` on a response whose body is a versioned record. */
@Injectable()
export class VersionETag implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') void reply.header('etag', `"${version}"`);
        return body;
      }),
    );
  }
}

/** For the OpenAPI document: the request header a conditional write reads … */
export const IfMatchHeader = z.object({
  'if-match': z
    .string()
    .optional()
    .describe(
      'The ETag of the version the change was made from ("3", W/"3" or 3): 409 version_conflict if the record changed since',
    ),
});

/** … and the response header that carries the version. */
export const ETagHeader = z.object({
  etag: z.string().describe('The record version as an entity tag, e.g. "3"'),
});
