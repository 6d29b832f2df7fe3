import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  CAPABILITIES,
  OFFBOARDING_KINDS,
  RPC,
  type Offboarding,
  type OffboardingKind,
  type ReassignOwnerInput,
  type ReassignOwnerResult,
  type RemoveMemberInput,
  type RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId, RpcClient } from '@switchboard/messaging';
import { Revocations } from '../access/revocations';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { MembershipsRepository } from '../identity/memberships.repository';
import { RefreshTokensRepository } from '../identity/refresh-tokens.repository';
import { IntegrationsService } from '../integrations/integrations.service';
import { MembersService } from '../members/members.service';
import type { OffboardingDoc } from './offboarding.schema';
import { OffboardingsRepository } from './offboardings.repository';

/** Records moved per RPC call: a call stays far inside the RPC deadline. */
export const REASSIGN_BATCH = 50;

type Mover = (ctx: RequestContext, input: ReassignOwnerInput) => Promise<ReassignOwnerResult>;

/**
 * Offboarding (seed 003, decision 0135). At once, in the request: the membership ends (removed
 * or deactivated), every session ends (refresh tokens revoked, their access tokens refused by
 * marker, the membership re-read everywhere), API keys and integrations are revoked or handed
 * to the new owner. Then, in the background with its progress stored: each owning service moves
 * the member's records, one versioned write and one event per record. A gateway that stops
 * mid-way resumes unfinished offboardings at boot; the moves are idempotent.
 */
@Injectable()
export class OffboardingService implements OnApplicationBootstrap {
  private readonly logger = new Logger('offboarding');
  private readonly movers: Record<OffboardingKind, Mover>;
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly offboardings: OffboardingsRepository,
    private readonly members: MembersService,
    private readonly memberships: MembershipsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly revocations: Revocations,
    private readonly apiKeys: ApiKeysService,
    private readonly integrations: IntegrationsService,
    private readonly rpc: RpcClient,
  ) {
    this.movers = {
      contacts: (ctx, input) => this.rpc.call(RPC.contacts.reassignOwner, ctx, input),
      companies: (ctx, input) => this.rpc.call(RPC.contacts.reassignCompanyOwner, ctx, input),
      leads: (ctx, input) => this.rpc.call(RPC.contacts.reassignLeads, ctx, input),
      deals: (ctx, input) => this.rpc.call(RPC.deals.reassignOwner, ctx, input),
      tasks: (ctx, input) => this.rpc.call(RPC.tasks.reassignAssignee, ctx, input),
    };
  }

  onApplicationBootstrap(): void {
    void this.offboardings.unfinished().then(
      (docs) => docs.forEach((doc) => this.launch(doc)),
      (err: unknown) => this.logger.warn({ err }, 'could not read unfinished offboardings'),
    );
  }

  async start(ctx: RequestContext, userId: string, input: RemoveMemberInput): Promise<Offboarding> {
    const to = await this.newOwner(ctx, userId, input);
    const role = await this.members.end(ctx, userId, input.deactivate);
    const now = new Date();
    for (const family of await this.refreshTokens.revokeAllOf(ctx.workspaceId, userId, now))
      await this.revocations.revokeSession(family);
    const keys =
      input.apiKeys === 'transfer' && to
        ? await this.apiKeys.transferOwnedBy(ctx.workspaceId, userId, to)
        : await this.apiKeys.revokeOwnedBy(ctx, userId);
    const integrations = await this.integrations.offboard(ctx, userId, input.integrations, to);
    const doc: OffboardingDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      userId,
      reassignTo: to,
      mode: input.deactivate ? 'deactivated' : 'removed',
      apiKeys: { outcome: input.apiKeys, count: keys },
      integrations: { outcome: input.integrations, count: integrations },
      actor: ctx.actor,
      role: ctx.role,
      requestId: ctx.requestId,
      status: 'running',
      steps: OFFBOARDING_KINDS.map((kind) => ({ kind, moved: 0, done: false })),
      error: null,
      startedAt: now,
      completedAt: null,
    };
    const offboarded = buildEvent('member.offboarded', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      requestId: ctx.requestId,
      aggregateId: doc._id,
      aggregateVersion: 1,
      occurredAt: now,
      data: {
        offboardingId: doc._id,
        userId,
        role,
        mode: doc.mode,
        reassignTo: to ?? 'pool',
        apiKeys: doc.apiKeys,
        integrations: doc.integrations,
      },
    });
    await this.offboardings.insert(doc, [offboarded]);
    this.launch({ ...doc, steps: doc.steps.map((s) => ({ ...s })) });
    return view(doc);
  }

  async get(ctx: RequestContext, id: string): Promise<Offboarding> {
    const doc = await this.offboardings.find(ctx.workspaceId, id);
    if (!doc) throw AppError.notFound('offboarding', id);
    return view(doc);
  }

  /** Settles when this process's run of the offboarding ends (tests, shutdown). */
  settled(id: string): Promise<void> {
    return this.running.get(id) ?? Promise.resolve();
  }

  /** The user the records go to (null: the pool), checked before anything changes. */
  private async newOwner(
    ctx: RequestContext,
    userId: string,
    input: RemoveMemberInput,
  ): Promise<string | null> {
    const transfers = input.apiKeys === 'transfer' || input.integrations === 'transfer';
    if (input.reassignTo === 'pool') {
      if (transfers)
        throw AppError.validation('credentials need a new owner', [
          { path: 'reassignTo', message: 'transferring keys or integrations needs a member' },
        ]);
      return null;
    }
    const problem =
      input.reassignTo === userId
        ? 'the departing member cannot take their own records'
        : !(await this.memberships.find(ctx.workspaceId, input.reassignTo))
          ? `${input.reassignTo} is not a member of this workspace`
          : null;
    if (problem)
      throw AppError.validation('invalid new owner', [{ path: 'reassignTo', message: problem }]);
    return input.reassignTo;
  }

  private launch(doc: OffboardingDoc): void {
    if (this.running.has(doc._id)) return;
    const run = this.run(doc)
      .catch(async (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        this.logger.warn({ err, offboardingId: doc._id }, 'offboarding stopped; resumed at boot');
        await this.offboardings.finish(doc, 'failed', message).catch(() => undefined);
      })
      .finally(() => this.running.delete(doc._id));
    this.running.set(doc._id, run);
  }

  /** Each step in turn, batch after batch until its service says done; progress stored. */
  private async run(doc: OffboardingDoc): Promise<void> {
    const ctx: RequestContext = {
      workspaceId: doc.workspaceId,
      actor: doc.actor,
      role: doc.role,
      // The route checked members.manage; the moves it implies run with every right, so a
      // member's records move whatever the caller's own read or write scope.
      capabilities: [...CAPABILITIES],
      scope: 'all',
      readScope: 'all',
      requestId: doc.requestId,
    };
    for (const step of doc.steps) {
      let { moved, done } = step;
      while (!done) {
        const res = await this.movers[step.kind](ctx, {
          from: doc.userId,
          to: doc.reassignTo,
          limit: REASSIGN_BATCH,
        });
        moved += res.moved;
        done = res.done;
        await this.offboardings.saveStep(doc, step.kind, moved, done);
      }
    }
    await this.offboardings.finish(doc, 'completed', null);
  }
}

function view(doc: OffboardingDoc): Offboarding {
  return {
    id: doc._id,
    userId: doc.userId,
    reassignTo: doc.reassignTo ?? 'pool',
    mode: doc.mode,
    apiKeys: doc.apiKeys,
    integrations: doc.integrations,
    status: doc.status,
    steps: doc.steps.map((s) => ({ kind: s.kind, moved: s.moved, done: s.done })),
    error: doc.error,
    startedAt: doc.startedAt.toISOString(),
    completedAt: doc.completedAt ? doc.completedAt.toISOString() : null,
  };
}
