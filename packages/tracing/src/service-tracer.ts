import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { contextOf, parseTraceparent } from './traceparent';
import { tracingEnabled } from './setup';

export { SpanKind };

export interface TraceSpanOptions {
  kind?: SpanKind;
  /**
   * The parent as a traceparent (from a message, an envelope, a job). When the key is present
   * the span ignores the active context: undefined then starts a new trace, so a relay or a
   * consumer never adopts whatever context happened to be active.
   */
  parent?: string | null;
  /** Other traceparents the span relates to (the rest of a batch). */
  links?: (string | null | undefined)[];
  attributes?: Attributes;
}

/** A span started by hand and the context to run its work in. */
export interface StartedSpan {
  span: Span;
  context: Context;
  end(err?: unknown): void;
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof (v as { then?: unknown } | null)?.then === 'function';

function endSpan(span: Span, err?: unknown): void {
  if (err !== undefined) {
    const error = err instanceof Error ? err : new Error(JSON.stringify(err) ?? 'undefined');
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  }
  span.end();
}

/**
 * The spans of one service (the tracer's instrumentation scope is the service name). While
 * tracing is off every method runs the work alone: no span, no context switch.
 */
export class ServiceTracer {
  private readonly tracer: Tracer;

  constructor(readonly service: string) {
    this.tracer = trace.getTracer(service);
  }

  get enabled(): boolean {
    return tracingEnabled();
  }

  /** Starts a span to end by hand (HTTP requests, observables); undefined while off. */
  start(name: string, options: TraceSpanOptions = {}): StartedSpan | undefined {
    if (!tracingEnabled()) return undefined;
    const parent = 'parent' in options ? contextOf(options.parent) : context.active();
    const links: Link[] = [];
    for (const l of options.links ?? []) {
      const sc = parseTraceparent(l);
      if (sc) links.push({ context: sc });
    }
    const span = this.tracer.startSpan(
      name,
      { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links },
      parent,
    );
    return { span, context: trace.setSpan(parent, span), end: (err) => endSpan(span, err) };
  }

  /** Runs `fn` in a new span, ended when it returns or settles (failures recorded). */
  inSpan<T>(name: string, options: TraceSpanOptions, fn: () => T): T {
    const started = this.start(name, options);
    if (!started) return fn();
    let result: T;
    try {
      result = context.with(started.context, fn);
    } catch (err) {
      started.end(err);
      throw err;
    }
    if (isThenable(result)) {
      return Promise.resolve(result).then(
        (v) => {
          started.end();
          return v;
        },
        (err: unknown) => {
          started.end(err);
          throw err;
        },
      ) as T;
    }
    started.end();
    return result;
  }
}
