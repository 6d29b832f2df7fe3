import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUES } from '@switchboard/contracts';
import { CONFIG, HealthChecks, Lifecycle, Metrics } from '@switchboard/runtime';
import type { TasksConfig } from '../config';

/** What a reminder job carries: enough to find the task and tell a stale job from a live one. */
export interface ReminderJob {
  workspaceId: string;
  taskId: string;
  version: number;
}

/** One job per task and due-time version; BullMQ ignores a second add with the same id. */
export const reminderJobId = (taskId: string, version: number) => `${taskId}-v${version}`;

/**
 * The BullMQ queue of due reminders: delayed jobs, one per task and due-time version. The queue
 * is only the timer; whether a reminder still stands is decided against the task document when
 * the job runs (see ReminderWorker), so a stale or duplicated job does nothing.
 */
@Injectable()
export class RemindersRepository {
  readonly connection: IORedis;
  readonly queue: Queue<ReminderJob>;

  constructor(
    @Inject(CONFIG) readonly config: TasksConfig,
    lifecycle: Lifecycle,
    health: HealthChecks,
    metrics: Metrics,
  ) {
    // BullMQ needs blocking commands to wait forever: maxRetriesPerRequest must be null.
    this.connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.queue = new Queue<ReminderJob>(QUEUES.taskReminders, {
      connection: this.connection,
      prefix: config.QUEUE_PREFIX,
      defaultJobOptions: {
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 10,
        backoff: { type: 'exponential', delay: 500 },
      },
    });
    health.register('redis', () => this.connection.status === 'ready');
    metrics.watchQueue(this.queue);
    lifecycle.onStop(2, 'reminder-queue', async () => {
      await this.queue.close();
      await this.connection.quit();
    });
  }

  async schedule(job: ReminderJob, dueAt: Date): Promise<void> {
    await this.queue.add('due', job, {
      jobId: reminderJobId(job.taskId, job.version),
      delay: Math.max(0, dueAt.getTime() - Date.now()),
    });
  }

  /** Best effort: a job that survives fires into a version check and does nothing. */
  async cancel(taskId: string, version: number): Promise<void> {
    await this.queue.remove(reminderJobId(taskId, version));
  }
}
