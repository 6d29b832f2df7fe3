import { Queue, type JobsOptions } from 'bullmq';
import type IORedis from 'ioredis';
import { QUEUES } from '@switchboard/contracts';
import {
  EVALUATION_JOBS,
  evaluateSegmentJobId,
  type EvaluateContactJob,
  type EvaluateSegmentJob,
  type SegmentDeletedJob,
  type SweepJob,
} from './evaluation-jobs';

const DEFAULTS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: 1000,
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
};

/**
 * The producer side of the `segment-evaluation` queue. Contact jobs are coalesced: their id
 * names the contact, so while one waits, adding another is a no-op (BullMQ ignores a known job
 * id). A change that lands while the job runs is not lost because the worker re-reads the
 * profile's `rev` after its write and evaluates again when it moved.
 */
export class EvaluationQueue {
  readonly queue: Queue;

  constructor(connection: IORedis, prefix: string) {
    this.queue = new Queue(QUEUES.segmentEvaluation, {
      connection,
      prefix,
      defaultJobOptions: DEFAULTS,
    });
  }

  async contactChanged(job: EvaluateContactJob): Promise<void> {
    await this.queue.add(EVALUATION_JOBS.contact, job, {
      jobId: `c-${job.workspaceId}-${job.contactId}`,
    });
  }

  async segmentChanged(job: EvaluateSegmentJob): Promise<void> {
    await this.queue.add(EVALUATION_JOBS.segment, job, { jobId: evaluateSegmentJobId(job) });
  }

  async segmentDeleted(job: SegmentDeletedJob): Promise<void> {
    await this.queue.add(EVALUATION_JOBS.deleted, job, {
      jobId: `del-${job.workspaceId}-${job.segmentId}`,
    });
  }

  /** A one-off sweep (tests, operators); the worker schedules the periodic one itself. */
  async sweep(job: SweepJob): Promise<void> {
    await this.queue.add(EVALUATION_JOBS.sweep, job);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
