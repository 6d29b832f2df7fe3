import type { IncomingMessage } from 'node:http';
import { newRequestId, REQUEST_ID_HEADER } from '@switchboard/messaging';

const GIVEN_ID = /^[\w.:-]{1,128}$/;

/**
 * The request's correlation id: the client's `X-Request-Id` when well formed, else a UUID.
 * Installed as Fastify's id generator: @fastify/middie copies Fastify's id (by default a
 * per-process counter, `req-1`) onto the raw request before nestjs-pino sees it, so the
 * logger's own generator never runs under Fastify.
 */
export function genRequestId(raw: Pick<IncomingMessage, 'headers'>): string {
  const given = raw.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && GIVEN_ID.test(given) ? given : newRequestId();
}
