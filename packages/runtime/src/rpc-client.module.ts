import { Global, Module } from '@nestjs/common';
import { RpcClient, SubjectNamespace } from '@switchboard/messaging';
import { ServiceTracer } from '@switchboard/tracing';
import { CONFIG, rpcSigner, type BaseConfig } from './config';
import { Lifecycle } from './lifecycle';
import { natsAuthOptions } from './nats-bus';
import { SERVICE_NAME } from './tokens';

/**
 * A request/reply client for services that call other services (deals → contacts, tasks →
 * deals). Nest's NATS client connects at its first request, so a service whose peers are not
 * up yet still boots; the connection closes with the others in the second shutdown phase.
 */
@Global()
@Module({
  providers: [
    {
      provide: RpcClient,
      useFactory: (
        config: BaseConfig,
        service: string,
        lifecycle: Lifecycle,
        tracer: ServiceTracer,
      ) => {
        const client = new RpcClient({
          servers: config.NATS_URL.split(','),
          ns: new SubjectNamespace(config.NATS_PREFIX),
          timeoutMs: config.RPC_TIMEOUT_MS,
          name: `${service}-rpc-client`,
          signer: rpcSigner(config, service),
          tracer,
          ...natsAuthOptions(config),
        });
        lifecycle.onStop(2, 'rpc-client', () => client.close());
        return client;
      },
      inject: [CONFIG, SERVICE_NAME, Lifecycle, ServiceTracer],
    },
  ],
  exports: [RpcClient],
})
export class RpcClientModule {}
