import type { Metrics } from './metrics';

/** The part of Fastify used here (typed loosely: the Nest adapter pins its own fastify version). */
interface AnsweredRequest {
  method: string;
  routeOptions: { url?: string };
}
interface HookHost {
  addHook(
    name: 'onResponse',
    hook: (
      request: AnsweredRequest,
      reply: { statusCode: number; elapsedTime: number },
      done: () => void,
    ) => void,
  ): unknown;
}

/** Methods a route can have; anything else is `other`, so a hostile method adds no series. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Times every HTTP answer by route pattern (`/v1/contacts/:id`, never the id itself; `unmatched`
 * for a URL no route takes), method and status code.
 */
export function observeHttp(fastify: HookHost, metrics: Metrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      {
        method: METHODS.has(request.method) ? request.method : 'other',
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
