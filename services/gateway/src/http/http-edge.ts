import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { REQUEST_ID_HEADER } from '@switchboard/messaging';
import type { GatewayConfig } from '../config';
import { requestIdOf } from './request-id';

/** Security headers, CORS and the `X-Request-Id` echo: the gateway's Fastify setup. */
export const configureHttpEdge =
  (config: GatewayConfig) =>
  async (app: NestFastifyApplication): Promise<void> => {
    // Nest's adapter pins its own fastify patch version; the instance is the same at run time.
    const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
    // A JSON API serves no documents: the strictest content policy costs nothing.
    await fastify.register(helmet, {
      contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    });
    await fastify.register(cors, {
      origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: [REQUEST_ID_HEADER],
      maxAge: 600,
    });
    fastify.addHook('onSend', async (request, reply) => {
      void reply.header(REQUEST_ID_HEADER, requestIdOf(request));
    });
  };
