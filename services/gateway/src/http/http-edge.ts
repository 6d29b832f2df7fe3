import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@switchboard/errors';
import { REQUEST_ID_HEADER } from '@switchboard/messaging';
import type { RouterOptions } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem';
import { requestIdOf } from './request-id';

/**
 * Fastify's router answers a malformed URL (`%FF`, a path segment past `maxParamLength`) before
 * any route runs; here it answers like every route does: a 400 `validation_failed` problem.
 * Segments are allowed to be long enough for any id or tag name (the contracts bound them).
 */
export const HTTP_ROUTER: RouterOptions = {
  routerOptions: { maxParamLength: 2048 },
  frameworkErrors: ((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const message =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path segment is too long' : 'malformed URL';
    const requestId = requestIdOf(request);
    const { status, body } = problemOf(
      AppError.validation(message, [{ path: 'path', message }]),
      requestId,
    );
    void reply
      .status(status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .header(REQUEST_ID_HEADER, requestId)
      .send(body);
  }) as RouterOptions['frameworkErrors'],
};

/** Security headers, CORS and the `X-Request-Id` echo: the gateway's Fastify setup. */
export const configureHttpEdge =
  (config: GatewayConfig) =>
  async (app: NestFastifyApplication): Promise<void> => {
    // Nest's adapter pins its own fastify patch version; the instance is the same at run time.
    const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
    // A JSON API serves no documents: the strictest content policy costs nothing.
    await fastify.register(helmet, {
      contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    });
    await fastify.register(cors, {
      origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: [REQUEST_ID_HEADER],
      maxAge: 600,
    });
    fastify.addHook('onSend', async (request, reply) => {
      void reply.header(REQUEST_ID_HEADER, requestIdOf(request));
    });
    // JSON only: a text/plain body would otherwise arrive as a string and fail later, less clearly.
    fastify.removeContentTypeParser('text/plain');
    // Except CSV files (POST /v1/imports): the body stays a stream, read by the route as it
    // arrives, under its own limit (IMPORT_BODY_LIMIT_BYTES, enforced while streaming).
    fastify.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
    // Defence in depth behind the zod contracts and sanitizeFilter: no `$`-keyed object (a query
    // operator such as {"$gt": ""}) travels past the edge, in any field, at any depth.
    fastify.addHook('preValidation', async (request) => {
      // Nest registers a form parser of its own after this setup; forms are not an API format here.
      const type = request.headers['content-type'];
      if (typeof type === 'string' && /^application\/x-www-form-urlencoded/i.test(type))
        throw new AppError('unsupported_media_type', `unsupported content type ${type}`);
      const path = operatorPath(request.body) ?? operatorPath(request.query, 'query');
      if (path)
        throw AppError.validation('operator objects are not accepted', [
          { path, message: 'keys may not start with $' },
        ]);
    });
  };

/** The path of the first `$`-prefixed key in a parsed body, if any (bounded depth). */
export function operatorPath(value: unknown, at = '', depth = 0): string | undefined {
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  // A streamed body (text/csv) is no parsed object: nothing in it reaches a query as a key.
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    if (key.startsWith('$')) return path;
    const found = operatorPath(child, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}
