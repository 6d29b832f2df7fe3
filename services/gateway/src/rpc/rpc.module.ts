import { Global, Module } from '@nestjs/common';
import { RpcClient, SubjectNamespace } from '@switchboard/messaging';
import { CONFIG, Lifecycle, natsAuthOptions, rpcSigner } from '@switchboard/runtime';
import { ServiceTracer } from '@switchboard/tracing';
import type { GatewayConfig } from '../config';

/** The gateway's one NATS request/reply client to the services, connected at boot. */
@Global()
@Module({
  providers: [
    {
      provide: RpcClient,
      useFactory: async (config: GatewayConfig, lifecycle: Lifecycle, tracer: ServiceTracer) => {
        const client = new RpcClient({
          servers: config.NATS_URL.split(','),
          ns: new SubjectNamespace(config.NATS_PREFIX),
          timeoutMs: config.RPC_TIMEOUT_MS,
          name: 'gateway-rpc',
          signer: rpcSigner(config, 'gateway'),
          tracer,
          ...natsAuthOptions(config),
        });
        await client.connect();
        lifecycle.onStop(2, 'rpc-client', () => client.close());
        return client;
      },
      inject: [CONFIG, Lifecycle, ServiceTracer],
    },
  ],
  exports: [RpcClient],
})
export class RpcModule {}
