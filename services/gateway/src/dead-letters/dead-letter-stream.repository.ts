import { Injectable } from '@nestjs/common';
import { headers as natsHeaders, type MsgRequest, type StoredMsg } from 'nats';
import { DLQ_HEADERS } from '@switchboard/messaging';
import { NatsBus } from '@switchboard/runtime';

/** JetStream answers "no message found" (404) when nothing is at or after the sequence asked. */
const notFound = (err: unknown) =>
  (err as { code?: unknown }).code === '404' ||
  /no message found/i.test(String((err as Error).message));

/**
 * The `DEAD_LETTERS` stream as the gateway reads it (decision 0148): one message by sequence, or
 * the next one from a sequence on a subject filter (`STREAM.MSG.GET` with `next_by_subj`, one
 * round trip each, no consumer to create or clean up), and republishing a payload to the
 * subject it came from.
 */
@Injectable()
export class DeadLetterStreamRepository {
  constructor(private readonly bus: NatsBus) {}

  private get stream(): string {
    return this.bus.ns.stream('deadLetters').name;
  }

  /** `dlq.<consumer or *>.*.<workspaceId>.>` with the deployment's prefix. */
  filterFor(workspaceId: string, consumer?: string): string {
    return `${this.bus.ns.prefix}dlq.${consumer ?? '*'}.*.${workspaceId}.>`;
  }

  /** The subject as the public contract names it (prefix removed). */
  strip(subject: string): string {
    return this.bus.ns.strip(subject);
  }

  async next(filter: string, fromSeq: number): Promise<StoredMsg | null> {
    const query = { seq: fromSeq, next_by_subj: filter } as unknown as MsgRequest;
    return this.bus.jsm.streams.getMessage(this.stream, query).catch((err: unknown) => {
      if (notFound(err)) return null;
      throw err;
    });
  }

  async get(seq: number): Promise<StoredMsg | null> {
    return this.bus.jsm.streams.getMessage(this.stream, { seq }).catch((err: unknown) => {
      if (notFound(err)) return null;
      throw err;
    });
  }

  /**
   * Publishes the payload again to its original subject (contract form, prefixed here). The
   * message id names the dead letter, so a replay repeated within JetStream's duplicate window
   * is stored once.
   */
  async republish(originalSubject: string, data: Uint8Array, deadLetterSeq: number) {
    const h = natsHeaders();
    h.set('x-dlq-replay-of', String(deadLetterSeq));
    const ack = await this.bus.js.publish(this.bus.ns.prefix + originalSubject, data, {
      headers: h,
      msgID: `dlq-replay:${this.stream}:${deadLetterSeq}`,
    });
    return ack.seq;
  }
}

/** Reads the DLQ headers of a stored dead letter. */
export const dlqHeader = (msg: StoredMsg, key: keyof typeof DLQ_HEADERS): string | null => {
  const v = msg.header?.get(DLQ_HEADERS[key]);
  return v ? v : null;
};
