import { Logger } from '@nestjs/common';
import { ServerNats, type NatsContext, type NatsOptions } from '@nestjs/microservices';
import { JSONCodec, type Msg, type NatsConnection } from 'nats';
import { AppError } from '@switchboard/errors';
import type { SubjectNamespace } from '../namespace';

const codec = JSONCodec();

/** Nest's reply packet: a response, or an error, and whether the stream is done. */
interface ReplyPacket {
  id?: string;
  response?: unknown;
  err?: unknown;
  isDisposed?: boolean;
}

/**
 * Nest's NATS server with every handler subscribed under the deployment's subject prefix, and a
 * reply path that never throws out of the handler.
 *
 * Handlers are declared with the contract subject (`rpc.contacts.create`); prefixing happens at
 * registration, so lookups by the incoming subject find them.
 *
 * Nest publishes replies from a `process.nextTick` callback: a reply that nats.js refuses (over
 * the server's `max_payload`, a closed connection) or that does not serialise becomes an
 * unhandled rejection, which takes the process down. Here a reply over the payload limit is
 * answered with `payload_too_large` instead, and any other failure to reply is logged and
 * answered with `internal` when that is still possible (docs/decisions/0071).
 */
export class NamespacedNatsServer extends ServerNats {
  private readonly log = new Logger('rpc-reply');

  constructor(
    options: Required<NatsOptions>['options'],
    private readonly ns: SubjectNamespace,
  ) {
    super(options);
  }

  override addHandler(
    pattern: unknown,
    callback: Parameters<ServerNats['addHandler']>[1],
    isEventHandler?: boolean,
    extras?: Record<string, unknown>,
  ): void {
    const subject = typeof pattern === 'string' ? this.ns.rpc(pattern) : pattern;
    super.addHandler(subject, callback, isEventHandler, extras);
  }

  /** A request that cannot even be decoded is logged, never thrown into nats.js. */
  override async handleMessage(channel: string, natsMsg: Msg): Promise<unknown> {
    try {
      return await super.handleMessage(channel, natsMsg);
    } catch (err) {
      this.log.error({ err, subject: natsMsg.subject }, 'rpc request failed before its handler');
      if (natsMsg.reply) {
        this.respondSafely(natsMsg, {
          err: AppError.from(err).toPayload(),
          isDisposed: true,
        });
      }
      return undefined;
    }
  }

  override getPublisher(
    natsMsg: Msg,
    id: string,
    ctx: NatsContext,
  ): (response: ReplyPacket) => unknown {
    const publish = super.getPublisher(natsMsg, id, ctx);
    if (!natsMsg.reply) return publish;
    return (packet: ReplyPacket) => {
      try {
        // nats.js measures the encoded reply against the server's max_payload and throws.
        return publish(packet) as unknown;
      } catch (err) {
        const limit = this.maxPayload();
        if ((err as { code?: unknown }).code === 'MAX_PAYLOAD_EXCEEDED') {
          this.log.warn({ subject: natsMsg.subject, limit }, 'rpc reply over the payload limit');
        } else {
          this.log.error({ err, subject: natsMsg.subject, limit }, 'rpc reply failed');
        }
        if (packet.response !== undefined || packet.err !== undefined) {
          this.respondSafely(natsMsg, { id, err: replyError(err, limit), isDisposed: true });
        }
        return undefined;
      }
    };
  }

  /** The server's `max_payload` as this connection was told (undefined before connecting). */
  private maxPayload(): number | undefined {
    try {
      return this.unwrap<NatsConnection>().info?.max_payload;
    } catch {
      return undefined;
    }
  }

  private respondSafely(natsMsg: Msg, packet: ReplyPacket): void {
    try {
      natsMsg.respond(codec.encode(packet));
    } catch (err) {
      this.log.error({ err, subject: natsMsg.subject }, 'rpc error reply failed too');
    }
  }
}

/** What to answer when publishing a reply threw. */
function replyError(err: unknown, limit: number | undefined): ReturnType<AppError['toPayload']> {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'MAX_PAYLOAD_EXCEEDED') {
    return new AppError(
      'payload_too_large',
      `the reply exceeds the ${limit ?? 'server'}-byte payload limit; ask for smaller pages`,
      limit ? { limit } : undefined,
    ).toPayload();
  }
  return new AppError('internal', 'the reply could not be sent').toPayload();
}
