import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';

/** Who takes a departing member's records: another current member, or nobody ("pool"). */
export const ReassignTo = z.union([Id, z.literal('pool')]);
export type ReassignTo = z.infer<typeof ReassignTo>;

/** What happens to the member's API keys or integrations: revoked, or handed to `reassignTo`. */
export const CredentialsOutcome = z.enum(['revoke', 'transfer']);
export type CredentialsOutcome = z.infer<typeof CredentialsOutcome>;

/**
 * `DELETE /v1/members/:userId`: offboarding (seed 003). The membership ends (or, with
 * `deactivate`, stays listed but unusable), sessions end at once, credentials are revoked or
 * transferred, and every record the member owns moves to `reassignTo` in the background.
 */
export const RemoveMemberInput = z
  .object({
    reassignTo: ReassignTo.default('pool'),
    apiKeys: CredentialsOutcome.default('revoke'),
    integrations: CredentialsOutcome.default('revoke'),
    deactivate: z.boolean().default(false),
  })
  .strict();
export type RemoveMemberInput = z.infer<typeof RemoveMemberInput>;

/** The owned records an offboarding moves, one step per kind and owning service. */
export const OFFBOARDING_KINDS = ['contacts', 'companies', 'leads', 'deals', 'tasks'] as const;
export const OffboardingKind = z.enum(OFFBOARDING_KINDS);
export type OffboardingKind = z.infer<typeof OffboardingKind>;

export const OffboardingStep = z.object({
  kind: OffboardingKind,
  /** Records moved so far (each with its own event, from its owning service). */
  moved: z.number().int().nonnegative(),
  done: z.boolean(),
});
export type OffboardingStep = z.infer<typeof OffboardingStep>;

export const Offboarding = z.object({
  id: Id,
  userId: Id,
  reassignTo: ReassignTo,
  mode: z.enum(['removed', 'deactivated']),
  apiKeys: z.object({ outcome: CredentialsOutcome, count: z.number().int().nonnegative() }),
  integrations: z.object({ outcome: CredentialsOutcome, count: z.number().int().nonnegative() }),
  /** `running` until every step is done; `failed` keeps the last error and is resumed at boot. */
  status: z.enum(['running', 'completed', 'failed']),
  steps: z.array(OffboardingStep),
  error: z.string().nullable(),
  startedAt: Timestamp,
  completedAt: Timestamp.nullable(),
});
export type Offboarding = z.infer<typeof Offboarding>;

export const OffboardingIdParams = z.object({ id: Id }).strict();

/**
 * RPC input of each owning service's `…reassignOwner`: moves up to `limit` records owned (or,
 * for tasks and leads, assigned) to `from` over to `to` (null: unowned), each through the
 * record's own versioned write with its event. Idempotent: call until `done`.
 */
export const ReassignOwnerInput = z
  .object({
    from: Id,
    to: Id.nullable(),
    limit: z.number().int().min(1).max(200).default(100),
  })
  .strict();
export type ReassignOwnerInput = z.infer<typeof ReassignOwnerInput>;

export const ReassignOwnerResult = z.object({
  moved: z.number().int().nonnegative(),
  done: z.boolean(),
});
export type ReassignOwnerResult = z.infer<typeof ReassignOwnerResult>;
