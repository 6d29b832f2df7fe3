import type { NatsConnection } from 'nats';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import mongoose from 'mongoose';
import { QUEUES } from '@switchboard/contracts';
import type { SubjectNamespace } from '@switchboard/messaging';
import { waitFor, type TestNamespace } from '@switchboard/testing';

/** Services with a database (the segment worker writes the segments one). */
export const DATABASES = ['gateway', 'contacts', 'segments', 'deals', 'tasks', 'activity'] as const;

/**
 * Waits until nothing is in flight anywhere: no staged event in any outbox, every durable
 * consumer of the namespace's streams with nothing pending or unacknowledged, every BullMQ
 * queue without waiting, active or retrying jobs — all seen in one pass, twice in a row (a
 * consumer's handler can stage events that another picks up after the first look).
 */
export async function waitUntilQuiet(
  ns: TestNamespace,
  nc: NatsConnection,
  subjects: SubjectNamespace,
  timeoutMs = 120_000,
): Promise<void> {
  const redis = new IORedis(ns.redisUrl, { maxRetriesPerRequest: null });
  const queues = Object.values(QUEUES).map(
    (name) => new Queue(name, { connection: redis, prefix: ns.queuePrefix }),
  );
  const conns = await Promise.all(
    DATABASES.map((s) => mongoose.createConnection(ns.mongoUrl, { dbName: ns.db(s) }).asPromise()),
  );
  const jsm = await nc.jetstreamManager();
  const busy = async (): Promise<string | undefined> => {
    for (const conn of conns) {
      for (const { name } of await conn.db!.listCollections().toArray()) {
        const staged = await conn.db!.collection(name).countDocuments({ outboxPending: true });
        if (staged > 0) return `${staged} staged in ${conn.name}.${name}`;
      }
    }
    for (const key of ['events', 'messaging'] as const) {
      for await (const c of jsm.consumers.list(subjects.stream(key).name)) {
        if (c.name.startsWith('probe_')) continue;
        if (c.num_pending > 0 || c.num_ack_pending > 0) return `consumer ${c.name}`;
      }
    }
    for (const queue of queues) {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      if (Object.values(counts).some((n) => n > 0))
        return `queue ${queue.name} ${JSON.stringify(counts)}`;
      // A retry waits as a delayed job; the periodic sweep's next run (a job scheduler) always
      // does, and is not work in flight.
      const delayed = await queue.getJobs(['delayed']);
      const retries = delayed.filter((j) => !j.id?.startsWith('repeat:'));
      if (retries.length > 0) return `queue ${queue.name}: ${retries.length} delayed`;
    }
    return undefined;
  };
  try {
    let quietPasses = 0;
    let last = '';
    await waitFor(
      async () => {
        const what = await busy();
        last = what ?? 'quiet';
        quietPasses = what ? 0 : quietPasses + 1;
        return quietPasses >= 2;
      },
      { timeoutMs, intervalMs: 250, what: `the platform to go quiet (last seen: ${last})` },
    ).catch((err: Error) => {
      throw new Error(`${err.message}; last seen busy: ${last}`);
    });
  } finally {
    await Promise.all(queues.map((q) => q.close()));
    await redis.quit();
    await Promise.all(conns.map((c) => c.close()));
  }
}
