import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Worker } from 'bullmq';
import { QUEUES } from '@switchboard/contracts';
import { Lifecycle } from '@switchboard/runtime';
import { RemindersRepository, type ReminderJob } from './reminders.repository';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/**
 * The edge of the reminder queue: a BullMQ worker that fires due reminders, and a sweep (at boot
 * and every REMINDER_SWEEP_MS) that re-queues every armed reminder from the task documents, so a
 * job lost between the task write and the queue add still fires. Replicas share the queue.
 */
@Injectable()
export class ReminderWorker implements OnModuleInit {
  private readonly logger = new Logger('reminders');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly tasks: TasksRepository,
    private readonly service: TasksService,
    private readonly lifecycle: Lifecycle,
  ) {}

  async onModuleInit(): Promise<void> {
    const { config } = this.reminders;
    const connection = this.reminders.connection.duplicate();
    const worker = new Worker<ReminderJob>(
      QUEUES.taskReminders,
      async (job) => {
        await this.service.fireReminder(job.data.workspaceId, job.data.taskId, job.data.version);
      },
      {
        connection,
        prefix: config.QUEUE_PREFIX,
        concurrency: 8,
      },
    );
    worker.on('failed', (job, err) =>
      this.logger.warn({ jobId: job?.id, err }, 'reminder job failed'),
    );
    this.lifecycle.onStop(1, 'reminder-worker', async () => {
      this.stopped = true;
      if (this.timer) clearTimeout(this.timer);
      await this.sweeping;
      await worker.close();
      await connection.quit();
    });
    await this.sweep();
    this.schedule(config.REMINDER_SWEEP_MS);
  }

  /** Re-queues every armed reminder; idempotent by job id. */
  async sweep(): Promise<void> {
    this.sweeping = (async () => {
      for await (const armed of this.tasks.armedReminders()) {
        if (this.stopped) return;
        await this.service.rearm(armed);
      }
    })();
    await this.sweeping;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sweep()
        .catch((err: unknown) => this.logger.warn({ err }, 'reminder sweep failed'))
        .finally(() => this.schedule(ms));
    }, ms);
    this.timer.unref();
  }
}
