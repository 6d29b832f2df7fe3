import { context } from '@opentelemetry/api';
import { ServiceTracer, SpanKind, type StartedSpan } from '@switchboard/tracing';

/** The part of Fastify used here (typed loosely: the Nest adapter pins its own fastify version). */
interface TracedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  routeOptions: { url?: string };
}
type Hook = (request: TracedRequest, reply: { statusCode: number }, done: () => void) => void;
interface HookHost {
  addHook(name: 'onRequest' | 'onResponse', hook: Hook): unknown;
}

const SPAN = Symbol('switchboard.span');
type WithSpan = TracedRequest & { [SPAN]?: StartedSpan };

/** Probes and scrapes are not traced: they would bury the requests in noise. */
const UNTRACED = /^\/(health|metrics)(\/|\?|$)/;

/**
 * A server span per HTTP request (traces on), named by method and route pattern, child of a
 * well-formed `traceparent` header: the rest of the request (guards, handlers, RPC calls) runs
 * in its context. Nothing is added while traces are off.
 */
export function traceHttp(fastify: HookHost, tracer: ServiceTracer): void {
  if (!tracer.enabled) return;
  fastify.addHook('onRequest', (request: WithSpan, _reply, done) => {
    if (UNTRACED.test(request.url)) return done();
    const header = request.headers.traceparent;
    const route = request.routeOptions.url ?? 'unmatched';
    const started = tracer.start(`${request.method} ${route}`, {
      kind: SpanKind.SERVER,
      parent: typeof header === 'string' ? header : undefined,
      attributes: { 'http.request.method': request.method, 'http.route': route },
    });
    if (!started) return done();
    request[SPAN] = started;
    context.with(started.context, done);
  });
  fastify.addHook('onResponse', (request: WithSpan, reply, done) => {
    const started = request[SPAN];
    if (started) {
      started.span.setAttribute('http.response.status_code', reply.statusCode);
      started.end(reply.statusCode >= 500 ? new Error(`HTTP ${reply.statusCode}`) : undefined);
    }
    done();
  });
}
