import { context, propagation, trace } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

let enabled = false;

/** True once a tracer provider is installed in this process; spans are made only then. */
export const tracingEnabled = (): boolean => enabled;

/** A running tracer provider: flush and stop it at shutdown. */
export interface Tracing {
  readonly enabled: boolean;
  shutdown(): Promise<void>;
}

const OFF: Tracing = { enabled: false, shutdown: async () => undefined };

/**
 * Whether the standard variables ask for traces: an OTLP endpoint, or a traces exporter other
 * than `none`, and the SDK not disabled. Nothing set: no SDK is loaded, spans are never made.
 */
export function otelConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (exporter === 'none') return false;
  return Boolean(
    env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || exporter,
  );
}

/**
 * Starts the OpenTelemetry Node SDK for this process, configured by the standard `OTEL_*`
 * variables (exporter, endpoint, protocol, headers, sampler, resource attributes), with
 * `service.name` = the service unless OTEL_SERVICE_NAME says otherwise. No automatic
 * instrumentation: the spans are the ones Switchboard makes (HTTP, RPC, publish, consume, jobs).
 * Off (and the SDK not even loaded) when the variables do not ask for traces. Once per process:
 * a second call (services started in one test process) shares the first provider.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Tracing {
  if (enabled) return { enabled: true, shutdown: async () => undefined };
  if (!otelConfigured(env)) return OFF;
  // Loaded only when asked for: a process without traces pays nothing for the SDK.
  const { NodeSDK } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME || service,
    instrumentations: [],
  });
  sdk.start();
  enabled = true;
  return {
    enabled: true,
    shutdown: async () => {
      await sdk.shutdown();
      enabled = false;
    },
  };
}

/**
 * Tests: a tracer provider in this process whose spans go to the given processors (an
 * in-memory exporter). Every service started in the process afterwards traces into it.
 */
export function startTracingWith(spanProcessors: SpanProcessor[]): Tracing {
  const { NodeTracerProvider } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const provider = new NodeTracerProvider({ spanProcessors });
  provider.register();
  enabled = true;
  return {
    enabled: true,
    shutdown: async () => {
      await provider.shutdown();
      enabled = false;
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
