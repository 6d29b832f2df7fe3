import { Module, type DynamicModule } from '@nestjs/common';
import { EventPublisher, RpcObserver, RpcVerifier } from '@switchboard/messaging';
import { onWriteConflict } from '@switchboard/storage';
import { ServiceTracer } from '@switchboard/tracing';
import { CONFIG, type BaseConfig } from './config';
import { EventWiring } from './event-wiring';
import { HealthChecks, HealthController } from './health';
import { Lifecycle } from './lifecycle';
import { Metrics, MetricsController, observeMongoPool } from './metrics';
import { loggingModule } from './logging';
import { MongoDatabase } from './mongo-database';
import { NatsBus, natsAuthOptions } from './nats-bus';
import { streamLimitsOf } from './stream-limits';
import { SERVICE_NAME } from './tokens';

/**
 * What every service has: its config, logs, its own database, NATS with the streams in place,
 * the event publisher, health endpoints and ordered shutdown. Global, imported once by AppModule.
 */
@Module({})
export class InfraModule {
  static forRoot(service: string, config: BaseConfig): DynamicModule {
    return {
      module: InfraModule,
      global: true,
      imports: [loggingModule(service, config)],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: service },
        // This service's spans (no-ops while traces are off: decision 0140).
        { provide: ServiceTracer, useValue: new ServiceTracer(service) },
        Lifecycle,
        // What @RpcHandler's interceptor checks request contexts against (decision 0070).
        { provide: RpcVerifier, useValue: new RpcVerifier(config.RPC_TRUSTED_SIGNERS) },
        {
          provide: HealthChecks,
          useFactory: (mongo: MongoDatabase, bus: NatsBus) => {
            const checks = new HealthChecks();
            checks.register('mongo', () => mongo.ready);
            checks.register('nats', () => bus.ready);
            return checks;
          },
          inject: [MongoDatabase, NatsBus],
        },
        {
          provide: MongoDatabase,
          useFactory: async (lifecycle: Lifecycle) => {
            const db = await MongoDatabase.connect(
              config.MONGO_URL,
              config.MONGO_DB ?? `switchboard_${service.replace(/-/g, '_')}`,
              service,
              config.STORAGE_WRITE_STRATEGY,
              { countCommands: config.DB_COMMAND_COUNTS },
            );
            lifecycle.onStop(2, 'mongo', () => db.close());
            return db;
          },
          inject: [Lifecycle],
        },
        {
          provide: NatsBus,
          useFactory: async (lifecycle: Lifecycle) => {
            const bus = await NatsBus.connect(
              config.NATS_URL,
              config.NATS_PREFIX,
              service,
              streamLimitsOf(config),
              natsAuthOptions(config),
            );
            lifecycle.onStop(2, 'nats', () => bus.close());
            return bus;
          },
          inject: [Lifecycle],
        },
        {
          provide: EventPublisher,
          useFactory: (bus: NatsBus, tracer: ServiceTracer) =>
            new EventPublisher(bus.js, bus.ns, tracer),
          inject: [NatsBus, ServiceTracer],
        },
        EventWiring,
        {
          // Prometheus registry of this service, served at /metrics (decision 0094).
          provide: Metrics,
          useFactory: (mongo: MongoDatabase) => {
            const metrics = new Metrics(service);
            observeMongoPool(mongo.connection, metrics);
            onWriteConflict(mongo.connection, (aggregate, stage) =>
              metrics.writeConflicts.inc({ aggregate, stage }),
            );
            return metrics;
          },
          inject: [MongoDatabase],
        },
        {
          // What @RpcHandler times each request for: the RPC duration histogram.
          provide: RpcObserver,
          useFactory: (metrics: Metrics): RpcObserver => ({
            observe: (subject, seconds, outcome) =>
              metrics.rpcDuration.observe({ subject, outcome }, seconds),
          }),
          inject: [Metrics],
        },
      ],
      exports: [
        CONFIG,
        SERVICE_NAME,
        ServiceTracer,
        Lifecycle,
        HealthChecks,
        MongoDatabase,
        NatsBus,
        EventPublisher,
        EventWiring,
        RpcVerifier,
        Metrics,
        RpcObserver,
      ],
    };
  }
}
