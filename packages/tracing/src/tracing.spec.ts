import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { otelConfigured, startTracingWith, tracingEnabled } from './setup';
import { ServiceTracer, SpanKind } from './service-tracer';
import {
  currentTraceIds,
  currentTraceparent,
  formatTraceparent,
  parseTraceparent,
  withTraceparent,
} from './traceparent';

const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('traceparent', () => {
  it('parses and formats the W3C header, and refuses anything else', () => {
    const sc = parseTraceparent(PARENT);
    expect(sc).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', traceFlags: 1 });
    expect(formatTraceparent(sc!)).toBe(PARENT);
    for (const bad of [
      '',
      '00-xyz',
      `01${PARENT.slice(2)}`,
      `00-${'0'.repeat(32)}-b7ad6b7169203331-01`,
    ])
      expect(parseTraceparent(bad)).toBeUndefined();
  });

  it('asks for traces only when the OTEL variables do', () => {
    expect(otelConfigured({})).toBe(false);
    expect(otelConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(otelConfigured({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(otelConfigured({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'x' })).toBe(
      false,
    );
    expect(otelConfigured({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBe(false);
  });
});

describe('ServiceTracer', () => {
  it('while off, runs the work alone: no span, nothing to propagate', async () => {
    expect(tracingEnabled()).toBe(false);
    const tracer = new ServiceTracer('contacts');
    expect(tracer.start('x')).toBeUndefined();
    const seen = await tracer.inSpan('x', { parent: PARENT }, async () => currentTraceparent());
    expect(seen).toBeUndefined();
    expect(withTraceparent({ a: 1 })).toEqual({ a: 1 });
  });

  it('while on, continues the parent and hands its ids to logs and payloads', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracingWith([new SimpleSpanProcessor(exporter)]);
    try {
      const tracer = new ServiceTracer('segments');
      const inside = await tracer.inSpan(
        'work',
        { kind: SpanKind.CONSUMER, parent: PARENT },
        async () => ({
          ids: currentTraceIds(),
          payload: withTraceparent({ a: 1 }),
        }),
      );
      await expect(
        tracer.inSpan('fails', {}, () => Promise.reject(new Error('boom'))),
      ).rejects.toThrow('boom');
      const [work, fails] = exporter.getFinishedSpans();
      expect(work.instrumentationScope.name).toBe('segments');
      expect(work.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
      expect(work.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
      expect(inside.ids).toEqual({
        trace_id: work.spanContext().traceId,
        span_id: work.spanContext().spanId,
      });
      expect(inside.payload).toEqual({ a: 1, traceparent: formatTraceparent(work.spanContext()) });
      expect(fails.status.code).toBe(2);
    } finally {
      await tracing.shutdown();
    }
  });
});
