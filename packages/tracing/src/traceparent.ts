import {
  context,
  isSpanContextValid,
  ROOT_CONTEXT,
  trace,
  type Context,
  type SpanContext,
} from '@opentelemetry/api';

/** W3C trace context, version 00: `00-<trace id>-<parent span id>-<flags>`. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The NATS header (RPC requests, events) and the field name (envelopes, job data). */
export const TRACEPARENT_HEADER = 'traceparent';

export function formatTraceparent(sc: SpanContext): string {
  return `00-${sc.traceId}-${sc.spanId}-${(sc.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/** A remote span context from a well-formed traceparent; anything else is no parent. */
export function parseTraceparent(value: string | null | undefined): SpanContext | undefined {
  if (!value) return undefined;
  const m = TRACEPARENT.exec(value.trim());
  if (!m) return undefined;
  const sc: SpanContext = {
    traceId: m[1],
    spanId: m[2],
    traceFlags: parseInt(m[3], 16),
    isRemote: true,
  };
  return isSpanContextValid(sc) ? sc : undefined;
}

/** A context whose parent is the given traceparent (the root context when there is none). */
export function contextOf(traceparent: string | null | undefined): Context {
  const sc = parseTraceparent(traceparent);
  return sc ? trace.setSpanContext(ROOT_CONTEXT, sc) : ROOT_CONTEXT;
}

/** The traceparent of the active span: what a message or a job sent from here carries. */
export function currentTraceparent(): string | undefined {
  const sc = trace.getSpanContext(context.active());
  return sc && isSpanContextValid(sc) ? formatTraceparent(sc) : undefined;
}

/** `trace_id` and `span_id` of the active span, for log lines; nothing outside a span. */
export function currentTraceIds(): { trace_id: string; span_id: string } | undefined {
  const sc = trace.getSpanContext(context.active());
  return sc && isSpanContextValid(sc) ? { trace_id: sc.traceId, span_id: sc.spanId } : undefined;
}

/** Job data (or any payload) with the active traceparent added, unchanged outside a span. */
export function withTraceparent<T extends object>(data: T): T & { traceparent?: string } {
  const traceparent = currentTraceparent();
  return traceparent ? { ...data, traceparent } : data;
}
