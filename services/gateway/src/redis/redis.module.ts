import { Global, Module } from '@nestjs/common';
import { CONFIG, HealthChecks, Lifecycle } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';
import { GatewayRedis } from './gateway-redis';

/** One Redis connection for the gateway, ready before the first request, closed last. */
@Global()
@Module({
  providers: [
    {
      provide: GatewayRedis,
      useFactory: async (config: GatewayConfig, lifecycle: Lifecycle, health: HealthChecks) => {
        const redis = new GatewayRedis(config.REDIS_URL, config.QUEUE_PREFIX);
        await redis.client.ping();
        health.register('redis', () => redis.ready);
        lifecycle.onStop(2, 'redis', () => redis.close());
        return redis;
      },
      inject: [CONFIG, Lifecycle, HealthChecks],
    },
  ],
  exports: [GatewayRedis],
})
export class RedisModule {}
