import type { FastifyRequest } from 'fastify';

/** The request's correlation id, as logs, problems, RPC headers and the response header use it. */
export const requestIdOf = (request: FastifyRequest): string => String(request.id);

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** W3C `traceparent` if well formed; anything else is dropped rather than forwarded. */
export function traceparentOf(request: FastifyRequest): string | undefined {
  const value = request.headers.traceparent;
  return typeof value === 'string' && TRACEPARENT.test(value) ? value : undefined;
}
