import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DynamicModule } from '@nestjs/common';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { rpcQueue } from '@switchboard/contracts';
import { NamespacedNatsServer, SubjectNamespace } from '@switchboard/messaging';
import { redactConfig, type BaseConfig } from './config';
import { HealthChecks } from './health';
import { Lifecycle } from './lifecycle';
import { natsAuthOptions } from './nats-bus';
import { genRequestId } from './request-id';

export interface ServiceOptions {
  service: string;
  config: BaseConfig;
  module: DynamicModule;
  /** Serve RPC handlers on `rpc.<service>.*` (queue group `svc.<service>`). */
  rpc?: boolean;
  /** Extra Fastify setup (the gateway registers its HTTP edge here). */
  configure?: (app: NestFastifyApplication) => Promise<void> | void;
  bodyLimitBytes?: number;
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
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
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
  app
    .get(PinoNestLogger)
    .log(`${service} listening on ${url} with ${JSON.stringify(redactConfig(config))}`);

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

/** For `main.ts`: start, and stop gracefully on SIGTERM/SIGINT. */
export async function runService(options: ServiceOptions): Promise<void> {
  const running = await startService(options);
  const onSignal = (signal: NodeJS.Signals) => {
    running.app.get(PinoNestLogger).log({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), options.config.SHUTDOWN_GRACE_MS + 10_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
