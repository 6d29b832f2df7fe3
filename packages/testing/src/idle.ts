import type { JetStreamManager } from 'nats';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { waitFor } from './wait';

export interface IdleTargets {
  jsm?: JetStreamManager;
  /** [stream, durable] pairs that must have nothing pending or unacknowledged. */
  consumers?: [string, string][];
  redisUrl?: string;
  queuePrefix?: string;
  /** BullMQ queues that must have no waiting, active or delayed jobs. */
  queues?: string[];
}

/** Waits until the given JetStream consumers and BullMQ queues have nothing left to do. */
export async function waitUntilIdle(targets: IdleTargets, timeoutMs = 15_000): Promise<void> {
  const redis = targets.queues?.length
    ? new IORedis(targets.redisUrl ?? '', { maxRetriesPerRequest: null })
    : undefined;
  const queues = (targets.queues ?? []).map(
    (name) => new Queue(name, { connection: redis!, prefix: targets.queuePrefix }),
  );
  try {
    await waitFor(
      async () => {
        for (const [stream, durable] of targets.consumers ?? []) {
          const info = await targets.jsm!.consumers.info(stream, durable);
          if (info.num_pending > 0 || info.num_ack_pending > 0) return false;
        }
        for (const queue of queues) {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          if (Object.values(counts).some((n) => n > 0)) return false;
        }
        return true;
      },
      { timeoutMs, what: 'consumers and queues to go idle' },
    );
  } finally {
    await Promise.all(queues.map((q) => q.close()));
    await redis?.quit();
  }
}
