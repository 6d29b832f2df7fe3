import pino from 'pino';
import { JSONCodec, type NatsConnection } from 'nats';
import { AppError } from '@switchboard/errors';
import {
  DLQ_HEADERS,
  DurableConsumer,
  ensureStreams,
  SubjectNamespace,
} from '@switchboard/messaging';
import { NatsTap, testNamespace, waitFor } from '@switchboard/testing';

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const codec = JSONCodec<{ n: number }>();
const logger = pino({ level: 'silent' });
let nc: NatsConnection;
const consumers: DurableConsumer<{ n: number }>[] = [];

beforeAll(async () => {
  nc = await ns.natsConnect();
  await ensureStreams(await nc.jetstreamManager(), subjects);
});

afterAll(async () => {
  await Promise.all(consumers.map((c) => c.stop()));
  await nc.close();
});

async function consume(
  durable: string,
  type: string,
  handle: (m: { n: number }, attempt: number) => Promise<void>,
  transientWindowMs?: number,
) {
  const consumer = new DurableConsumer(
    nc.jetstream(),
    await nc.jetstreamManager(),
    subjects,
    {
      durable,
      stream: 'events',
      filterSubjects: [subjects.eventFilter(type)],
      parse: (raw) => raw as { n: number },
      handle: (m, meta) => handle(m, meta.deliveryCount),
      maxDeliver: 3,
      backoffMs: [50, 100],
      transientWindowMs,
    },
    logger,
  );
  await consumer.start();
  consumers.push(consumer);
}

describe('DurableConsumer', () => {
  it('redelivers after a failure with back-off and acks once the handler succeeds', async () => {
    const attempts: number[] = [];
    await consume('flaky', 'thing.flaky', async (_m, attempt) => {
      attempts.push(attempt);
      if (attempt < 3) throw new Error('database hiccup');
    });
    await nc.jetstream().publish(subjects.event('ws', 'thing.flaky'), codec.encode({ n: 1 }));
    await waitFor(() => attempts.length === 3);
    const info = await (
      await nc.jetstreamManager()
    ).consumers.info(subjects.stream('events').name, 'flaky');
    await waitFor(async () => {
      const i = await (
        await nc.jetstreamManager()
      ).consumers.info(subjects.stream('events').name, 'flaky');
      return i.num_ack_pending === 0 && i.num_pending === 0;
    });
    expect(attempts).toEqual([1, 2, 3]);
    expect(info.config.durable_name).toBe('flaky');
  });

  it('dead-letters a message that keeps failing, or is rejected as invalid, and goes on', async () => {
    const dlq = await NatsTap.open(nc, `${ns.natsPrefix}dlq.stubborn.>`);
    const seen: number[] = [];
    await consume('stubborn', 'thing.stubborn', async (m) => {
      seen.push(m.n);
      if (m.n === 1) throw new Error('always fails');
      if (m.n === 2) throw new AppError('validation_failed', 'makes no sense');
    });
    for (const n of [1, 2, 3])
      await nc.jetstream().publish(subjects.event('ws', 'thing.stubborn'), codec.encode({ n }));
    await dlq.waitFor(() => dlq.messages.length === 2);
    await waitFor(() => seen.includes(3));
    const byReason = Object.fromEntries(
      dlq.messages.map((m) => [m.headers?.get(DLQ_HEADERS.reason), m.data]),
    );
    expect(byReason).toEqual({ exhausted: { n: 1 }, rejected: { n: 2 } });
    expect(seen.filter((n) => n === 1)).toHaveLength(3);
    expect(seen.filter((n) => n === 2)).toHaveLength(1);
    expect(dlq.messages[0].headers?.get(DLQ_HEADERS.subject)).toBe('crm.ws.thing.stubborn');
    await dlq.close();
  });

  it('keeps retrying a message while a dependency is unavailable, past maxDeliver', async () => {
    // The chaos test's loss: a contacts restart longer than the attempts dead-lettered events.
    const dlq = await NatsTap.open(nc, `${ns.natsPrefix}dlq.patient.>`);
    const attempts: number[] = [];
    await consume('patient', 'thing.patient', async (_m, attempt) => {
      attempts.push(attempt);
      if (attempt <= 6) throw new AppError('unavailable', 'contacts is restarting');
    });
    await nc.jetstream().publish(subjects.event('ws', 'thing.patient'), codec.encode({ n: 1 }));
    await waitFor(() => attempts.length === 7);
    await waitFor(async () => {
      const i = await (
        await nc.jetstreamManager()
      ).consumers.info(subjects.stream('events').name, 'patient');
      return i.num_ack_pending === 0 && i.num_pending === 0;
    });
    expect(attempts).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(dlq.messages).toHaveLength(0);
    await dlq.close();
  });

  it("dead-letters an unavailable dependency's message once it is older than the window", async () => {
    const dlq = await NatsTap.open(nc, `${ns.natsPrefix}dlq.expired.>`);
    await consume(
      'expired',
      'thing.expired',
      async () => {
        throw new AppError('unavailable', 'contacts is gone');
      },
      0,
    );
    await nc.jetstream().publish(subjects.event('ws', 'thing.expired'), codec.encode({ n: 1 }));
    await dlq.waitFor(() => dlq.messages.length === 1);
    expect(dlq.messages[0].headers?.get(DLQ_HEADERS.reason)).toBe('exhausted');
    await dlq.close();
  });
});
