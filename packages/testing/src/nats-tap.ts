import { JSONCodec, type MsgHdrs, type NatsConnection } from 'nats';
import { waitFor } from './wait';

export interface TappedMessage<T = unknown> {
  subject: string;
  data: T;
  headers?: MsgHdrs;
}

/**
 * A plain core-NATS subscription, as an outside system would open one: collects what is
 * published on a subject pattern so a test can wait for it and count it.
 */
export class NatsTap<T = unknown> {
  readonly messages: TappedMessage<T>[] = [];

  private constructor(
    private readonly nc: NatsConnection,
    private readonly ownsConnection: boolean,
  ) {}

  /** `source`: a connection to use, or a test namespace (the tap then opens its own as admin). */
  static async open<T = unknown>(
    source: NatsConnection | { natsConnect(): Promise<NatsConnection> },
    subject: string,
  ): Promise<NatsTap<T>> {
    const owns = 'natsConnect' in source;
    const nc = 'natsConnect' in source ? await source.natsConnect() : source;
    const tap = new NatsTap<T>(nc, owns);
    const codec = JSONCodec<T>();
    const sub = nc.subscribe(subject);
    void (async () => {
      for await (const m of sub) {
        let data: T;
        try {
          data = codec.decode(m.data);
        } catch {
          data = new TextDecoder().decode(m.data) as T;
        }
        tap.messages.push({ subject: m.subject, data, headers: m.headers });
      }
    })();
    await nc.flush();
    return tap;
  }

  /**
   * The default leaves room for CI, where the three tiers share two cores and a relay behind a
   * busy FerretDB can take seconds; a test that expects no message does not use it.
   */
  waitFor(match: (m: TappedMessage<T>) => boolean, timeoutMs = 30_000): Promise<TappedMessage<T>> {
    return waitFor(() => this.messages.find(match), { timeoutMs, what: 'a matching NATS message' });
  }

  count(match: (m: TappedMessage<T>) => boolean): number {
    return this.messages.filter(match).length;
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.nc.close();
  }
}
