import pino from 'pino';
import { JSONCodec, type NatsConnection } from 'nats';
import {
  BatchConsumer,
  DLQ_HEADERS,
  DurableConsumer,
  ensureStreams,
  SubjectNamespace,
} from '@switchboard/messaging';
import { NatsTap, testNamespace, waitFor } from '@switchboard/testing';

/**
 * An event's subject names the workspace it was published for (`crm.<ws>.…`), and NATS
 * permissions are granted by subject; the envelope's `workspaceId` is what handlers act on. An
 * event whose two disagree is dead-lettered (`workspace_mismatch`) instead of being handled.
 */
type Envelope = { workspaceId: string; n: number };

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const codec = JSONCodec<Envelope>();
const logger = pino({ level: 'silent' });
let nc: NatsConnection;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  nc = await ns.natsConnect();
  await ensureStreams(await nc.jetstreamManager(), subjects);
});

afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await nc.close();
});

const publish = (subjectWs: string, type: string, envelope: Envelope) =>
  nc.jetstream().publish(subjects.event(subjectWs, type), codec.encode(envelope));

describe.each(['durable', 'batch'] as const)('%s consumer', (kind) => {
  it('dead-letters an event whose envelope names another workspace, and handles the next', async () => {
    const durable = `mismatch-${kind}`;
    const type = `thing.${kind}`;
    const handled: Envelope[] = [];
    const dlq = await NatsTap.open<Envelope>(nc, `${ns.natsPrefix}dlq.${durable}.>`);
    const spec = {
      durable,
      stream: 'events' as const,
      filterSubjects: [subjects.eventFilter(type)],
      parse: (raw: unknown) => raw as Envelope,
    };
    const js = nc.jetstream();
    const jsm = await nc.jetstreamManager();
    const consumer =
      kind === 'durable'
        ? new DurableConsumer<Envelope>(
            js,
            jsm,
            subjects,
            { ...spec, handle: async (m) => void handled.push(m) },
            logger,
          )
        : new BatchConsumer<Envelope>(
            js,
            jsm,
            subjects,
            {
              ...spec,
              handleBatch: async (items) => void handled.push(...items.map((i) => i.message)),
            },
            logger,
          );
    await consumer.start();
    stops.push(() => consumer.stop());

    await publish('ws-a', type, { workspaceId: 'ws-b', n: 1 });
    await publish('ws-a', type, { workspaceId: 'ws-a', n: 2 });

    await dlq.waitFor(() => dlq.messages.length === 1);
    await waitFor(() => handled.length === 1);
    expect(handled).toEqual([{ workspaceId: 'ws-a', n: 2 }]);
    const [dead] = dlq.messages;
    expect(dead.data).toEqual({ workspaceId: 'ws-b', n: 1 });
    expect(dead.headers?.get(DLQ_HEADERS.reason)).toBe('workspace_mismatch');
    expect(dead.headers?.get(DLQ_HEADERS.subject)).toBe(`crm.ws-a.${type}`);
    // Terminated, not redelivered: nothing stays pending on the consumer.
    await waitFor(async () => {
      const info = await jsm.consumers.info(subjects.stream('events').name, durable);
      return info.num_ack_pending === 0 && info.num_pending === 0;
    });
    expect(handled).toHaveLength(1);
    await dlq.close();
  });
});
