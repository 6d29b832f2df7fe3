import { AckPolicy, type NatsConnection } from 'nats';
import { randomBytes } from 'node:crypto';

/**
 * Every message a JetStream stream holds for a subject, in stream order, read with a throwaway
 * pull consumer (one `filter_subject`, so nats-server 2.9 works too). What consumers will see,
 * as opposed to a core-NATS tap, which also sees publishes the stream deduplicated.
 */
export async function storedMessages<T = unknown>(
  nc: NatsConnection,
  stream: string,
  subject: string,
): Promise<T[]> {
  const jsm = await nc.jetstreamManager();
  const name = `probe_${randomBytes(6).toString('hex')}`;
  await jsm.consumers.add(stream, {
    durable_name: name,
    filter_subject: subject,
    ack_policy: AckPolicy.None,
  });
  try {
    const consumer = await nc.jetstream().consumers.get(stream, name);
    const pending = (await consumer.info()).num_pending;
    const out: T[] = [];
    if (pending === 0) return out;
    for await (const m of await consumer.fetch({ max_messages: pending, expires: 2000 })) {
      out.push(m.json<T>());
      if (out.length === pending) break;
    }
    return out;
  } finally {
    await jsm.consumers.delete(stream, name);
  }
}
