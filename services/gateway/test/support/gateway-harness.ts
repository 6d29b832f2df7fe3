import type { Session } from '@switchboard/contracts';
import { serializeAuthRoot } from '@switchboard/nats-auth';
import type { RunningService } from '@switchboard/runtime';
import {
  http,
  signUp,
  startInProcess,
  TEST_JWT_SECRET,
  TEST_WEBHOOK_SECRET_KEYS,
  testNamespace,
  type TestNamespace,
} from '@switchboard/testing';
import { activityService } from '../../../activity/src/app.module';
import { ActivityConfig } from '../../../activity/src/config';
import { contactsService } from '../../../contacts/src/app.module';
import { ContactsConfig } from '../../../contacts/src/config';
import { dealsService } from '../../../deals/src/app.module';
import { DealsConfig } from '../../../deals/src/config';
import { segmentsService } from '../../../segments/src/app.module';
import { SegmentsConfig } from '../../../segments/src/config';
import { tasksService } from '../../../tasks/src/app.module';
import { TasksConfig } from '../../../tasks/src/config';
import { webhooksService } from '../../../webhooks/src/app.module';
import { WebhooksConfig } from '../../../webhooks/src/config';
import { gatewayService } from '../../src/app.module';
import { GatewayConfig } from '../../src/config';

export const PASSWORD = 'correct horse battery staple';

/** Webhooks to local receivers over http, given up fast (two attempts) so tests see the end. */
export const WEBHOOKS_TEST_ENV = {
  WEBHOOK_ALLOWED_ADDRESSES: 'loopback',
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_RETRY_BASE_MS: '20',
  WEBHOOK_RETRY_MAX_MS: '20',
  WEBHOOK_RETRY_WINDOW_MS: '0',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_SECRET_KEYS: TEST_WEBHOOK_SECRET_KEYS,
};

/** A gateway with the services behind it, in this process, in a fresh test namespace. */
export class GatewayHarness {
  private constructor(
    readonly ns: TestNamespace,
    readonly services: RunningService[],
    readonly gateway: RunningService,
  ) {}

  /** `gatewayEnv` overrides gateway settings (rate limits, TTLs, keys). */
  static async start(gatewayEnv: Record<string, string> = {}): Promise<GatewayHarness> {
    const ns = testNamespace();
    const services = await Promise.all([
      startInProcess(ns, 'contacts', ContactsConfig, contactsService),
      startInProcess(ns, 'activity', ActivityConfig, activityService),
      startInProcess(ns, 'deals', DealsConfig, dealsService),
      startInProcess(ns, 'tasks', TasksConfig, tasksService),
      startInProcess(ns, 'segments', SegmentsConfig, segmentsService),
      startInProcess(ns, 'webhooks', WebhooksConfig, webhooksService, WEBHOOKS_TEST_ENV),
    ]);
    const gateway = await startInProcess(ns, 'gateway', GatewayConfig, gatewayService, {
      JWT_SECRET: TEST_JWT_SECRET,
      // Issues integration credentials (POST /v1/integrations) and pushes their revocations.
      NATS_AUTH_ROOT: serializeAuthRoot(ns.natsAuth),
      ...gatewayEnv,
    });
    return new GatewayHarness(ns, services, gateway);
  }

  get url(): string {
    return this.gateway.url;
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    await Promise.all(this.services.map((s) => s.stop()));
  }

  signUp(workspaceName?: string): Promise<Session> {
    return signUp(this.url, workspaceName ? { workspaceName } : {});
  }

  /** Invites `email` with `role` as the owner and accepts: a session of a new member. */
  async addMember(owner: Session, role: string, email?: string): Promise<Session> {
    const address = email ?? `${role}-${Math.random().toString(36).slice(2, 10)}@example.com`;
    const invite = await http<{ token: string }>(this.url, 'POST', '/v1/invitations', {
      token: owner.accessToken,
      body: { email: address, role },
    });
    if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
    const accepted = await http<Session>(this.url, 'POST', '/v1/auth/accept-invitation', {
      body: { token: invite.body.token, password: PASSWORD, name: `${role} user` },
    });
    if (accepted.status !== 200)
      throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    return accepted.body;
  }
}
