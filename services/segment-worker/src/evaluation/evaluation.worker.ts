import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type IORedis from 'ioredis';
import { QUEUES } from '@switchboard/contracts';
import { runWithCorrelation } from '@switchboard/messaging';
import { CONFIG, HealthChecks, Lifecycle } from '@switchboard/runtime';
import { ServiceTracer, SpanKind } from '@switchboard/tracing';
import {
  EVALUATION_JOBS,
  EvaluateContactJob,
  EvaluateSegmentJob,
  EvaluationQueue,
  SegmentDeletedJob,
  SweepJob,
} from '@switchboard/segment-store';
import type { SegmentWorkerConfig } from '../config';
import type { ContactOutcome } from './contact-evaluator';
import { EvaluationJobs } from './evaluation-jobs.service';
import { ProfilesRepository } from './profiles.repository';
import { QUEUE_CONNECTION } from './queue.provider';

/** Id of the periodic sweep in BullMQ's job schedulers (one per queue, whatever the replicas). */
export const SWEEP_SCHEDULER_ID = 'sweep-relative-schedule';

/**
 * The BullMQ edge of `segment-evaluation`. Replicas share the queue; BullMQ hands each job to
 * one of them (a job whose worker died is handed again once its lock lapses, and resumes from
 * its record). A payload that does not parse fails without retries (UnrecoverableError).
 */
@Injectable()
export class EvaluationWorker implements OnModuleInit {
  private readonly logger = new Logger('evaluation-worker');

  constructor(
    @Inject(CONFIG) private readonly config: SegmentWorkerConfig,
    @Inject(QUEUE_CONNECTION) private readonly connection: IORedis,
    private readonly jobs: EvaluationJobs,
    private readonly profiles: ProfilesRepository,
    private readonly queue: EvaluationQueue,
    private readonly lifecycle: Lifecycle,
    private readonly health: HealthChecks,
    private readonly tracer: ServiceTracer,
  ) {}

  async onModuleInit(): Promise<void> {
    const connection = this.connection.duplicate();
    const worker = new Worker(QUEUES.segmentEvaluation, (job) => this.process(job), {
      connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: this.config.JOB_LOCK_MS,
      // A dead worker's job is handed on once its lock lapsed and the stall check ran.
      stalledInterval: Math.min(30_000, this.config.JOB_LOCK_MS),
    });
    worker.on('failed', (job, err) =>
      this.logger.warn({ jobId: job?.id, name: job?.name, err }, 'job failed'),
    );
    // Closes the coalescing window: a producer's add while this contact's job was active was
    // ignored (same job id). Once the job is gone, a profile revision other than the one the
    // outcome holds for means such a change: evaluate again.
    worker.on('completed', (job, result) => {
      if (job.name !== EVALUATION_JOBS.contact) return;
      this.recheck(job.data as EvaluateContactJob, result as ContactOutcome).catch((err: unknown) =>
        this.logger.warn({ jobId: job.id, err }, 'contact recheck failed'),
      );
    });
    this.health.register('redis', () => connection.status === 'ready');
    this.lifecycle.onStop(1, 'evaluation-worker', async () => {
      await worker.close();
      await connection.quit();
    });
    if (this.config.SWEEP_INTERVAL_MS > 0) {
      await this.queue.queue.upsertJobScheduler(
        SWEEP_SCHEDULER_ID,
        { every: this.config.SWEEP_INTERVAL_MS },
        { name: EVALUATION_JOBS.sweep, data: {} },
      );
    } else {
      await this.queue.queue.removeJobScheduler(SWEEP_SCHEDULER_ID);
    }
  }

  private async recheck(data: EvaluateContactJob, outcome: ContactOutcome): Promise<void> {
    const rev = await this.profiles.rev(data.workspaceId, data.contactId);
    if (rev === outcome.rev) return;
    await this.queue.contactChanged({ ...data, reason: 'changed-while-evaluated' });
  }

  /** In the correlation of the job, and (traces on) a span continuing whoever enqueued it. */
  private process(job: Job): Promise<unknown> {
    const data = job.data as { traceparent?: unknown } | undefined;
    const parent = typeof data?.traceparent === 'string' ? data.traceparent : undefined;
    return runWithCorrelation({ requestId: `job-${job.id ?? job.name}` }, () =>
      this.tracer.inSpan(
        `job ${QUEUES.segmentEvaluation} ${job.name}`,
        { kind: SpanKind.CONSUMER, parent, attributes: { 'messaging.system': 'bullmq' } },
        () => this.run(job),
      ),
    );
  }

  private async run(job: Job): Promise<unknown> {
    switch (job.name) {
      case EVALUATION_JOBS.contact: {
        const data = parse(EvaluateContactJob, job);
        return this.jobs.contact(data.workspaceId, data.contactId);
      }
      case EVALUATION_JOBS.segment:
        return this.jobs.segment(parse(EvaluateSegmentJob, job));
      case EVALUATION_JOBS.sweep:
        return this.jobs.sweep(parse(SweepJob, job));
      case EVALUATION_JOBS.deleted:
        return this.jobs.deleted(parse(SegmentDeletedJob, job));
      default:
        throw new UnrecoverableError(`unknown segment-evaluation job "${job.name}"`);
    }
  }
}

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Error } },
  job: Job,
): T {
  const r = schema.safeParse(job.data);
  if (!r.success) throw new UnrecoverableError(`bad ${job.name} payload: ${r.error.message}`);
  return r.data;
}
