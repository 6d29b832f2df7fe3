import { createHash } from 'node:crypto';
import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { AppError } from '@switchboard/errors';
import type { WithContext } from '../access/access.decorators';
import { IdempotencyStore, type Begin } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,255}$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** JSON with sorted keys: the same body in another key order is the same request. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? '';

const isStream = (body: unknown): boolean =>
  typeof (body as { pipe?: unknown } | undefined)?.pipe === 'function';

/** The answer to replay instead of running a streamed route again. */
export interface Replay {
  body: unknown;
}

/**
 * A streamed body (a CSV import) cannot be read before the route consumes it, so its check
 * waits: the route stores the body, hashing it as it goes, then calls this with the digest. A
 * replay means: drop what was stored and answer `body`.
 */
export interface WithStreamedIdempotency {
  switchboardIdempotency?: (contentDigest: string) => Promise<Replay | undefined>;
}

/** For routes that stream their body: the idempotency check, once the content is known. */
export const settleStreamedIdempotency = (
  request: object,
  contentDigest: string,
): Promise<Replay | undefined> =>
  (request as WithStreamedIdempotency).switchboardIdempotency?.(contentDigest) ??
  Promise.resolve(undefined);

/**
 * `Idempotency-Key` on authenticated POSTs: the first success is stored per workspace, caller
 * and key for 24 h and replayed to repeats; the same key with another body answers 422.
 * Failures are not stored, so a corrected retry may reuse the key. Public routes ignore the
 * header: without a caller there is no safe scope to replay a response into.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('idempotency');

  constructor(private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & WithContext>();
    const raw = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || raw === undefined) return next.handle();
    if (typeof raw !== 'string' || !KEY.test(raw))
      throw AppError.validation('invalid Idempotency-Key header', [
        { path: 'Idempotency-Key', message: '1 to 255 visible ASCII characters' },
      ]);
    const ctx = request.switchboardCtx;
    if (!ctx) return next.handle();
    const scope = sha256(`${ctx.workspaceId}\n${ctx.actor.type}:${ctx.actor.id}\n${raw}`);
    const fingerprintOf = (body: string) => sha256(`${request.method} ${request.url}\n${body}`);
    const reply = http.getResponse<FastifyReply>();
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;

    if (isStream(request.body)) {
      // Checked by the route once it has the content's digest (see settleStreamedIdempotency).
      let begun: Begin | undefined;
      const streamed = request as FastifyRequest & WithStreamedIdempotency;
      const type = request.headers['content-type'] ?? '';
      streamed.switchboardIdempotency = async (digest) => {
        begun = await this.begin(scope, fingerprintOf(`stream ${type} sha256:${digest}`));
        if (begun.kind === 'proceed') return undefined;
        void reply.header('idempotent-replayed', 'true');
        return { body: begun.body ?? undefined };
      };
      return this.settle(next, status, () => begun);
    }

    const begun = await this.begin(scope, fingerprintOf(canonicalJson(request.body)));
    if (begun.kind === 'replay') {
      void reply.header('idempotent-replayed', 'true');
      return of(begun.body ?? undefined);
    }
    return this.settle(next, status, () => begun);
  }

  private begin(scope: string, fingerprint: string): Promise<Begin> {
    return this.store.begin(scope, fingerprint).catch((err: unknown) => {
      if (err instanceof AppError) throw err;
      throw new AppError(
        'unavailable',
        'idempotency store unavailable; retry',
        undefined,
        undefined,
        {
          cause: err,
        },
      );
    });
  }

  /** Records the first success (or releases the lock on failure) of a request that ran. */
  private settle(
    next: CallHandler,
    status: number,
    begun: () => Begin | undefined,
  ): Observable<unknown> {
    return next.handle().pipe(
      // The work is done: failing to record it must not turn the answer into an error.
      mergeMap((body: unknown) => {
        const held = begun();
        if (held?.kind !== 'proceed') return of(body);
        return from(
          held.complete(status, body).then(
            () => body,
            (err: unknown) => {
              this.logger.warn({ err }, 'could not store the idempotent response');
              return body;
            },
          ),
        );
      }),
      // Release the lock on failure so a corrected retry can proceed.
      catchError((err: unknown) => {
        const held = begun();
        if (held?.kind !== 'proceed') return throwError(() => err);
        return from(held.abandon().catch(() => undefined)).pipe(
          mergeMap(() => throwError(() => err)),
        );
      }),
    );
  }
}
