import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DynamicModule } from '@nestjs/common';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { rpcQueue } from '@switchboard/contracts';
import { NamespacedNatsServer, SubjectNamespace } from '@switchboard/messaging';
import { redactConfig, type BaseConfig } from './config';
import { HealthChecks } from './health';
import { Lifecycle } from './lifecycle';
import { createLogger } from './logging';
import { NATS_CONNECT_TIMEOUT_MS, natsAuthOptions } from './nats-bus';
import { clientErrorHandler } from './client-error';
import { genRequestId } from './request-id';
import { Metrics, observeHttp } from './metrics';
import { ServiceTracer, startTracing } from '@switchboard/tracing';
import { traceHttp } from './http-tracing';

export interface ServiceOptions {
  service: string;
  config: BaseConfig;
  module: DynamicModule;
  /** Serve RPC handlers on `rpc.<service>.*` (queue group `svc.<service>`). */
  rpc?: boolean;
  /** Extra Fastify setup (the gateway registers its HTTP edge here). */
  configure?: (app: NestFastifyApplication) => Promise<void> | void;
  bodyLimitBytes?: number;
  /** Fastify router settings (the gateway answers malformed URLs with its own problem). */
  router?: RouterOptions;
}

/**
 * Fastify's `routerOptions.maxParamLength` and `frameworkErrors` (called with the error, the request and the
 * reply), typed loosely: the adapter pins its own fastify patch version.
 */
export interface RouterOptions {
  routerOptions?: { maxParamLength?: number };
  frameworkErrors?: (error: Error & { code?: string }, request: never, reply: never) => void;
}

export interface RunningService {
  app: NestFastifyApplication;
  url: string;
  /** Ordered, graceful stop: stop taking work, finish what is in hand, close connections. */
  stop(): Promise<void>;
}

/** Boots one service: HTTP (health, and the API for the gateway) plus its NATS RPC server. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { config, service } = options;
  const app = await NestFactory.create<NestFastifyApplication>(
    options.module,
    new FastifyAdapter({
      bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
      trustProxy: config.TRUST_PROXY,
      genReqId: genRequestId,
      clientErrorHandler,
      ...(options.router as object),
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  observeHttp(app.getHttpAdapter().getInstance(), app.get(Metrics));
  traceHttp(app.getHttpAdapter().getInstance(), app.get(ServiceTracer));
  await options.configure?.(app);

  if (options.rpc) {
    app.connectMicroservice(
      {
        strategy: new NamespacedNatsServer(
          {
            servers: config.NATS_URL.split(','),
            queue: rpcQueue(service),
            name: `${service}-rpc`,
            gracefulShutdown: true,
            gracePeriod: Math.min(config.SHUTDOWN_GRACE_MS, 2000),
            maxReconnectAttempts: -1,
            timeout: NATS_CONNECT_TIMEOUT_MS,
            ...natsAuthOptions(config),
          },
          new SubjectNamespace(config.NATS_PREFIX),
        ),
      },
      { inheritAppConfig: false },
    );
    await app.startAllMicroservices();
  }
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
  const url = `http://127.0.0.1:${port}`;
  const logger = app.get(PinoNestLogger);
  logger.log(`${service} listening on ${url} with ${JSON.stringify(redactConfig(config))}`);
  if (options.rpc && Object.keys(config.RPC_TRUSTED_SIGNERS).length === 0) {
    logger.warn('RPC_TRUSTED_SIGNERS is empty: every RPC request will be refused');
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      app.get(HealthChecks).markShuttingDown();
      const lifecycle = app.get(Lifecycle);
      // RPC first (graceful: unsubscribe, let in-flight requests answer), then consumers and relays.
      await Promise.all(app.getMicroservices().map((ms) => ms.close()));
      await lifecycle.stopAll();
      await app.close();
    })());
  return { app, url, stop };
}

/** Exit status of a process that stopped on an error nothing handled. */
export const EXIT_CRASHED = 70;

/**
 * Crash-only (docs/decisions/0072): an error that nothing handled (an uncaught exception, an
 * unhandled rejection) leaves the process in a state no code planned for. It is logged and the
 * process exits non-zero at once; the launcher or the orchestrator starts a fresh one, which
 * carries on from what was stored (the outbox, unacked JetStream messages, BullMQ jobs).
 */
export function exitOnUnexpectedErrors(
  service: string,
  config: Pick<BaseConfig, 'LOG_LEVEL'>,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const logger = createLogger(service, config);
  const crash = (kind: string) => (err: unknown) => {
    try {
      logger.fatal({ err, kind }, `${kind}: exiting (crash-only; the supervisor restarts it)`);
    } finally {
      exit(EXIT_CRASHED);
    }
  };
  process.on('uncaughtException', crash('uncaughtException'));
  process.on('unhandledRejection', crash('unhandledRejection'));
}

/** For `main.ts`: start, stop gracefully on SIGTERM/SIGINT, and exit on unexpected errors. */
export async function runService(options: ServiceOptions): Promise<void> {
  exitOnUnexpectedErrors(options.service, options.config);
  // Before anything makes a span: OTEL_* variables set, traces go out; unset, nothing at all.
  const tracing = startTracing(options.service);
  const running = await startService(options);
  const onSignal = (signal: NodeJS.Signals) => {
    running.app.get(PinoNestLogger).log({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), options.config.SHUTDOWN_GRACE_MS + 10_000);
    force.unref();
    running
      .stop()
      // The last spans (the shutdown's own work included) leave before the process does.
      .then(() => tracing.shutdown().catch(() => undefined))
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
