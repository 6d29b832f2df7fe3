import { z } from 'zod';

/**
 * Jobs of the `segment-evaluation` BullMQ queue (QUEUES.segmentEvaluation): the segments
 * service enqueues, the segment worker runs them. Payloads are parsed on both sides.
 */
export const EVALUATION_JOBS = {
  /** Re-evaluate one contact against every dynamic segment of its workspace (and apply explicit changes). */
  contact: 'evaluate-contact',
  /** Full evaluation of one definition over every profile of the workspace; resumable. */
  segment: 'evaluate-segment',
  /** Re-evaluate the segments whose answer drifts with time (relative dates, activity windows). */
  sweep: 'sweep-relative',
  /** A deleted segment: its members leave, then its edges are marked gone. */
  deleted: 'segment-deleted',
} as const;

/** W3C trace context of whatever enqueued the job: the worker's span continues it (0140). */
const traceparent = z.string().max(128).optional();

export const EvaluateContactJob = z.object({
  workspaceId: z.string(),
  contactId: z.string(),
  /** Why it was enqueued (logs): `contact.updated`, `activity`, `explicit`, … */
  reason: z.string(),
  traceparent,
});
export type EvaluateContactJob = z.infer<typeof EvaluateContactJob>;

export const EvaluateSegmentJob = z.object({
  workspaceId: z.string(),
  segmentId: z.string(),
  definitionVersion: z.number().int().positive(),
  /** Evaluate as of this instant (ISO) instead of the clock: tests and sweeps with a moved clock. */
  now: z.string().datetime().optional(),
  traceparent,
});
export type EvaluateSegmentJob = z.infer<typeof EvaluateSegmentJob>;

export const SweepJob = z.object({
  /** One workspace, or every workspace when absent (the scheduled sweep). */
  workspaceId: z.string().optional(),
  now: z.string().datetime().optional(),
  traceparent,
});
export type SweepJob = z.infer<typeof SweepJob>;

export const SegmentDeletedJob = z.object({
  workspaceId: z.string(),
  segmentId: z.string(),
  traceparent,
});
export type SegmentDeletedJob = z.infer<typeof SegmentDeletedJob>;

/** BullMQ job ids may not contain `:`. */
export const evaluateSegmentJobId = (j: EvaluateSegmentJob): string =>
  `seg-${j.segmentId}-v${j.definitionVersion}`;
