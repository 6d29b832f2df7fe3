import { serializeAuthRoot } from '@switchboard/nats-auth';
import { SERVICES, ServiceProcess, type ServiceName } from './service-process';
import type { TestNamespace } from './test-namespace';

export const TEST_JWT_SECRET = 'test-only-secret-test-only-secret-0123456789';
/** The key that seals webhook secrets in tests (`kid:<base64 of 32 bytes>`). */
export const TEST_WEBHOOK_SECRET_KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;

/**
 * Tests deliver webhooks to receivers they start on 127.0.0.1 over plain http; other private
 * ranges stay refused, as by default. Retries come fast (tests wait for outcomes, not delays).
 */
export const WEBHOOKS_TEST_ENV = {
  WEBHOOK_ALLOWED_ADDRESSES: 'loopback',
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_RETRY_MAX_MS: '200',
  WEBHOOK_SECRET_KEYS: TEST_WEBHOOK_SECRET_KEYS,
};

/** Every Switchboard process, started as child processes in a test namespace. */
export class Platform {
  readonly processes = new Map<ServiceName, ServiceProcess>();

  constructor(readonly ns: TestNamespace) {}

  static async start(
    ns: TestNamespace,
    services: readonly ServiceName[] = SERVICES,
  ): Promise<Platform> {
    const platform = new Platform(ns);
    const started = await Promise.allSettled(services.map((s) => platform.startOne(s)));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      // Those that did start would outlive the test file otherwise (its afterAll has no platform).
      await platform.stop();
      throw failed.reason;
    }
    return platform;
  }

  async startOne(
    name: ServiceName,
    extraEnv: Record<string, string> = {},
  ): Promise<ServiceProcess> {
    const env = this.ns.env(
      name,
      name === 'gateway'
        ? { JWT_SECRET: TEST_JWT_SECRET, NATS_AUTH_ROOT: serializeAuthRoot(this.ns.natsAuth) }
        : name === 'webhooks'
          ? WEBHOOKS_TEST_ENV
          : {},
    );
    const proc = new ServiceProcess(name, env);
    this.processes.set(name, proc);
    await proc.start(extraEnv);
    return proc;
  }

  get(name: ServiceName): ServiceProcess {
    const proc = this.processes.get(name);
    if (!proc) throw new Error(`${name} is not running`);
    return proc;
  }

  get gatewayUrl(): string {
    return this.get('gateway').url;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((p) => p.stop()));
  }
}
