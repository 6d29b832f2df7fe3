import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracingWith, type Tracing } from '@switchboard/tracing';

/** The finished spans of one trace, and which services (tracer scopes) made them. */
export interface CollectedTrace {
  spans: ReadableSpan[];
  services: Set<string>;
  names: string[];
}

/**
 * Traces on in this test process, into memory: every service started in the process afterwards
 * makes its spans here (the tracer's scope names the service). Call before starting services.
 */
export class InMemoryTraces {
  private constructor(
    private readonly exporter: InMemorySpanExporter,
    private readonly tracing: Tracing,
  ) {}

  static start(): InMemoryTraces {
    const exporter = new InMemorySpanExporter();
    return new InMemoryTraces(exporter, startTracingWith([new SimpleSpanProcessor(exporter)]));
  }

  get spans(): ReadableSpan[] {
    return this.exporter.getFinishedSpans();
  }

  /** Every finished span whose trace id is the one given. */
  trace(traceId: string): CollectedTrace {
    const spans = this.spans.filter((s) => s.spanContext().traceId === traceId);
    return {
      spans,
      services: new Set(spans.map((s) => s.instrumentationScope.name)),
      names: spans.map((s) => `${s.instrumentationScope.name}: ${s.name}`),
    };
  }

  stop(): Promise<void> {
    return this.tracing.shutdown();
  }
}
