import { connect, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';
import { ensureStreams, SubjectNamespace, type StreamLimitSettings } from '@switchboard/messaging';

/** The process's NATS connection for JetStream work (Nest's RPC transport has its own). */
export class NatsBus {
  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly ns: SubjectNamespace,
  ) {}

  static async connect(
    servers: string,
    prefix: string,
    name: string,
    limits?: StreamLimitSettings,
  ): Promise<NatsBus> {
    const nc = await connect({ servers: servers.split(','), name, maxReconnectAttempts: -1 });
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
