import { connect, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';
import { ensureStreams, SubjectNamespace, type StreamLimitSettings } from '@switchboard/messaging';
import { credsFileConnectionOptions, type NatsAuthOptions } from '@switchboard/nats-auth';
import type { BaseConfig } from './config';

/**
 * How this process authenticates to NATS: the creds file of NATS_CREDS (its own user) and the
 * inbox prefix that user may read replies on. Every connection of the process uses it (the bus,
 * the RPC server, the RPC client).
 */
export function natsAuthOptions(config: Pick<BaseConfig, 'NATS_CREDS'>): NatsAuthOptions {
  return credsFileConnectionOptions(config.NATS_CREDS);
}

/** How long connecting to NATS may take before the attempt fails (nats.js default: 20 s). */
export const NATS_CONNECT_TIMEOUT_MS = 60_000;

/** The process's NATS connection for JetStream work (Nest's RPC transport has its own). */
export class NatsBus {
  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly ns: SubjectNamespace,
  ) {}

  /** `auth`: the authenticator and inbox prefix of the process's creds (natsAuthOptions). */
  static async connect(
    servers: string,
    prefix: string,
    name: string,
    limits?: StreamLimitSettings,
    auth: NatsAuthOptions = {},
  ): Promise<NatsBus> {
    const nc = await connect({
      servers: servers.split(','),
      name,
      maxReconnectAttempts: -1,
      // A process starved of CPU while it boots may not read the server's handshake within the
      // default 20 s; it should come up late rather than crash (decision 0096).
      timeout: NATS_CONNECT_TIMEOUT_MS,
      ...auth,
    });
    const jsm = await nc.jetstreamManager();
    const ns = new SubjectNamespace(prefix);
    await ensureStreams(jsm, ns, limits);
    return new NatsBus(nc, nc.jetstream(), jsm, ns);
  }

  get ready(): boolean {
    return !this.nc.isClosed() && !this.nc.isDraining();
  }

  async close(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain();
  }
}
