export {
  TRACEPARENT_HEADER,
  contextOf,
  currentTraceIds,
  currentTraceparent,
  formatTraceparent,
  parseTraceparent,
  withTraceparent,
} from './traceparent';
export {
  otelConfigured,
  startTracing,
  startTracingWith,
  tracingEnabled,
  type Tracing,
} from './setup';
export { ServiceTracer, SpanKind, type StartedSpan, type TraceSpanOptions } from './service-tracer';
