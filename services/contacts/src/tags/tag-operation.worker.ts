import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Worker } from 'bullmq';
import { QUEUES } from '@switchboard/contracts';
import { Lifecycle } from '@switchboard/runtime';
import { TagOperationRunner } from './tag-operation.runner';
import { TagOperationsQueue, type TagOperationJob } from './tag-operations.queue';
import { TagsRepository } from './tags.repository';

/**
 * The edge of the tag-operations queue: a BullMQ worker in the contacts process. A job that
 * fails or dies is retried from the start, which is safe: contacts already changed no longer
 * carry the old tag. At boot, operations left queued or running are queued again.
 */
@Injectable()
export class TagOperationWorker implements OnModuleInit {
  private readonly logger = new Logger('tag-operations');

  constructor(
    private readonly queue: TagOperationsQueue,
    private readonly tags: TagsRepository,
    private readonly runner: TagOperationRunner,
    private readonly lifecycle: Lifecycle,
  ) {}

  async onModuleInit(): Promise<void> {
    const { config } = this.queue;
    const connection = this.queue.connection.duplicate();
    const worker = new Worker<TagOperationJob>(
      QUEUES.tagOperations,
      (job) => this.runner.run(job.data.workspaceId, job.data.operationId),
      { connection, prefix: config.QUEUE_PREFIX, concurrency: 1 },
    );
    worker.on('failed', (job, err) => {
      if (!job) return;
      this.logger.warn({ operationId: job.data.operationId, err }, 'tag operation job failed');
      if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
      this.tags
        .updateOperation(job.data.workspaceId, job.data.operationId, {
          status: 'failed',
          error: err.message,
          completedAt: new Date(),
        })
        .catch((e: unknown) =>
          this.logger.error({ err: e }, 'could not mark the operation failed'),
        );
    });
    this.lifecycle.onStop(1, 'tag-operation-worker', async () => {
      await worker.close();
      await connection.quit();
    });
    for (const open of await this.tags.unfinished()) {
      await this.queue.add({ workspaceId: open.workspaceId, operationId: open._id });
    }
  }
}
