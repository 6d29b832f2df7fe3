export { profileModel } from './profile.schema';
export { profileGateKey } from './profile-gate';
export type { ProfileChannelDoc, ProfileDoc } from './profile.schema';
export { emptyProfile, ProfileOfAnotherWorkspace, ProfileWriter } from './profile-writer';
export type { ProfileChange, ProfileUpdate } from './profile-writer';
export { segmentModel } from './segment.schema';
export type { SegmentDoc, SegmentType } from './segment.schema';
export { MEMBERSHIP_HISTORY_MAX, membershipId, membershipModel } from './membership.schema';
export type { Explicit, MembershipChangeDoc, MembershipDoc, Via } from './membership.schema';
export { evaluationId, evaluationModel, refreshEvaluationId } from './evaluation.schema';
export type { EvaluationDoc } from './evaluation.schema';
export { explicitModel } from './explicit.schema';
export type { ExplicitDoc } from './explicit.schema';
export {
  EVALUATION_JOBS,
  EvaluateContactJob,
  EvaluateSegmentJob,
  SegmentDeletedJob,
  SweepJob,
  evaluateSegmentJobId,
} from './evaluation-jobs';
export { EvaluationQueue } from './evaluation-queue';
