import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUES } from '@switchboard/contracts';
import { CONFIG, Lifecycle, Metrics } from '@switchboard/runtime';
import type { ContactsConfig } from '../config';

/** What a tag-operation job carries: the operation record says everything else. */
export interface TagOperationJob {
  workspaceId: string;
  operationId: string;
}

/**
 * The BullMQ queue of tag operations (rename, merge, delete across contacts): one job per
 * operation, its id the operation's, so re-queuing at boot is harmless.
 */
@Injectable()
export class TagOperationsQueue {
  readonly connection: IORedis;
  readonly queue: Queue<TagOperationJob>;

  constructor(
    @Inject(CONFIG) readonly config: ContactsConfig,
    lifecycle: Lifecycle,
    metrics: Metrics,
  ) {
    this.connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.queue = new Queue<TagOperationJob>(QUEUES.tagOperations, {
      connection: this.connection,
      prefix: config.QUEUE_PREFIX,
      defaultJobOptions: {
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
      },
    });
    metrics.watchQueue(this.queue);
    lifecycle.onStop(2, 'tag-operations-queue', async () => {
      await this.queue.close();
      await this.connection.quit();
    });
  }

  async add(job: TagOperationJob): Promise<void> {
    await this.queue.add('tag-operation', job, { jobId: job.operationId });
  }
}
