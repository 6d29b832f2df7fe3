import { Queue, type JobsOptions } from 'bullmq';
import type IORedis from 'ioredis';
import { QUEUES } from '@switchboard/contracts';
import { withTraceparent } from '@switchboard/tracing';
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
 * The producer side of the `segment-evaluation` queue. Contact jobs for profile changes are
 * coalesced: their id names the contact, so while one waits or runs, adding another is a no-op
 * (BullMQ ignores a known job id). A profile change that lands while the job runs is not lost
 * because the worker re-reads the profile's `rev` once the job is gone and evaluates again when
 * it moved. Explicit requests do not move `rev` (they live in `segment_explicit`), so their jobs
 * are never coalesced (`explicitChanged`): each one runs after its request was recorded.
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
    await this.queue.add(EVALUATION_JOBS.contact, withTraceparent(job), {
      jobId: `c-${job.workspaceId}-${job.contactId}`,
    });
  }

  /**
   * An explicit include, exclude or reset of the contact was recorded: a job of its own (no job
   * id), so it is not dropped while the contact's coalesced job runs on reads that predate the
   * request (docs/decisions/0075). It may run beside that job: edges and profiles move by CAS.
   */
  async explicitChanged(job: EvaluateContactJob): Promise<void> {
    await this.queue.add(EVALUATION_JOBS.contact, withTraceparent(job));
  }

  async segmentChanged(job: EvaluateSegmentJob): Promise<void> {
    await this.queue.add(EVALUATION_JOBS.segment, withTraceparent(job), {
      jobId: evaluateSegmentJobId(job),
    });
  }

  async segmentDeleted(job: SegmentDeletedJob): Promise<void> {
    await this.queue.add(EVALUATION_JOBS.deleted, withTraceparent(job), {
      jobId: `del-${job.workspaceId}-${job.segmentId}`,
    });
  }

  /** A one-off sweep (tests, operators); the worker schedules the periodic one itself. */
  async sweep(job: SweepJob): Promise<void> {
    await this.queue.add(EVALUATION_JOBS.sweep, withTraceparent(job));
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
