import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { QUEUES } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { Lifecycle } from '@switchboard/runtime';
import { CredentialsService } from '../access/credentials.service';
import type { GatewayConfig } from '../config';
import { replyProblem } from '../http/problem-reply';
import { GatewayRedis } from '../redis/gateway-redis';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

/** The dashboard's own scripts and styles from this origin; nothing else (decision 0141). */
const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/**
 * Who may see every tenant's jobs: an authenticated owner (access token or API key) of one of
 * the operators' workspaces. Anyone else: 401 without credentials, 403 with them.
 */
async function authorize(
  request: FastifyRequest,
  credentials: CredentialsService,
  opsWorkspaces: readonly string[],
): Promise<void> {
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
  if (!token) throw new AppError('unauthenticated', 'missing bearer token');
  const caller = await credentials.authenticate(token, request.ip);
  if (caller.role !== 'owner' || !opsWorkspaces.includes(caller.workspaceId))
    throw new AppError(
      'forbidden',
      'the queue dashboard is for owners of the operators’ workspaces (OPS_WORKSPACE_IDS)',
    );
}

/**
 * bull-board over every BullMQ queue of the deployment (the services' queues live in the same
 * Redis under QUEUE_PREFIX), read-only, at `/admin/queues`. Mounted on Fastify beside Nest's
 * routes, so it checks its callers itself before anything of the board runs.
 */
export async function mountQueueDashboard(
  app: NestFastifyApplication,
  config: GatewayConfig,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const redis = app.get(GatewayRedis);
  const credentials = app.get(CredentialsService);
  const queues = Object.values(QUEUES).map(
    (name) => new Queue(name, { connection: redis.client, prefix: config.QUEUE_PREFIX }),
  );
  app.get(Lifecycle).onStop(1, 'queue-dashboard', async () => {
    await Promise.all(queues.map((q) => q.close()));
  });
  const board = new FastifyAdapter();
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: true })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Switchboard queues' } },
  });
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        try {
          await authorize(request, credentials, config.OPS_WORKSPACE_IDS);
        } catch (err) {
          return replyProblem(request, reply, err);
        }
      });
      scope.addHook('onSend', async (_request, reply) => {
        void reply.header('content-security-policy', DASHBOARD_CSP);
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
