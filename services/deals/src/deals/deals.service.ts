import { Injectable } from '@nestjs/common';
import {
  PERSON_EXPORT_LIST_MAX,
  type DealsPersonData,
  RPC,
  type Actor,
  type CreateDealInput,
  type Deal,
  type EventEnvelope,
  type ListDealsQuery,
  type Page,
  type ReassignOwnerInput,
  type ReassignOwnerResult,
  type RequestContext,
  type UpdateDealInput,
} from '@switchboard/contracts';
import {
  assertCapability,
  assertMayAssignOwner,
  assertMayWrite,
  mayRead,
} from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { newId, RpcClient } from '@switchboard/messaging';
import { trusted } from '@switchboard/storage';
import { PipelinesRepository } from '../pipelines/pipelines.repository';
import { readScopeOf } from './deal-read-scope';
import { createdEvent, movedEvents, updatedEvent } from './deal-events';
import { toAmountDoc, toDeal } from './deal.mapper';
import type { DealDoc } from './deal.schema';
import { DealsRepository } from './deals.repository';
import { applyMove, stageForEntry } from './stage-move';

type Change = { next: DealDoc; events: (deal: DealDoc) => EventEnvelope[] } | null;

@Injectable()
export class DealsService {
  constructor(
    private readonly deals: DealsRepository,
    private readonly pipelines: PipelinesRepository,
    private readonly rpc: RpcClient,
  ) {}

  async create(ctx: RequestContext, input: CreateDealInput): Promise<Deal> {
    assertMayAssignOwner(ctx, input.ownerId, 'deal');
    const pipeline = await this.pipelines.findById(ctx.workspaceId, input.pipelineId);
    if (!pipeline) {
      throw AppError.validation('no such pipeline', [
        { path: 'pipelineId', message: `pipeline ${input.pipelineId} not found` },
      ]);
    }
    const stage = input.stageId
      ? stageForEntry(pipeline, input.stageId)
      : pipeline.stages.find(
          (s) => s.category === 'open' && !pipeline.retiringStageIds.includes(s.id),
        );
    if (!stage || stage.category !== 'open') {
      throw AppError.validation('a deal starts in an open stage', [
        { path: 'stageId', message: 'choose an open stage; move it to won or lost afterwards' },
      ]);
    }
    await this.contactMustExist(ctx, input.contactId);
    const now = new Date();
    const id = newId();
    const doc: DealDoc = {
      _id: id,
      workspaceId: ctx.workspaceId,
      title: input.title,
      pipelineId: pipeline._id,
      stageId: stage.id,
      status: 'open',
      probability: stage.probability,
      contactId: input.contactId,
      companyId: input.companyId ?? null,
      amount: input.amount ? toAmountDoc(input.amount) : null,
      ownerId: input.ownerId ?? null,
      expectedCloseDate: input.expectedCloseDate ?? null,
      tags: [...new Set(input.tags ?? [])],
      customFields: input.customFields ?? {},
      stageHistory: [
        {
          stageId: stage.id,
          stageName: stage.name,
          category: stage.category,
          enteredAt: now,
          enteredBy: ctx.actor,
          leftAt: null,
          leftBy: null,
        },
      ],
      outcome: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const deal = toDeal(doc);
    await this.deals.insert(doc, [createdEvent(ctx.actor, doc)]);
    return deal;
  }

  /** A deal outside the caller's read scope is not found, like one of another workspace. */
  async get(ctx: RequestContext, id: string): Promise<Deal> {
    const doc = await this.load(ctx.workspaceId, id);
    if (!mayRead(ctx, doc.ownerId)) throw AppError.notFound('deal', id);
    return toDeal(doc);
  }

  async list(ctx: RequestContext, q: ListDealsQuery): Promise<Page<Deal>> {
    const asked = q.ownerId === 'me' ? ctx.actor.id : q.ownerId === 'none' ? null : q.ownerId;
    const range = {
      ...(q.closeFrom ? { $gte: q.closeFrom } : {}),
      ...(q.closeTo ? { $lte: q.closeTo } : {}),
    };
    const filter = {
      workspaceId: ctx.workspaceId,
      ...(q.pipelineId ? { pipelineId: q.pipelineId } : {}),
      ...(q.stageId ? { stageId: q.stageId } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...readScopeOf(ctx, asked),
      ...(q.contactId ? { contactId: q.contactId } : {}),
      ...(q.companyId ? { companyId: q.companyId } : {}),
      ...(Object.keys(range).length > 0 ? { expectedCloseDate: trusted(range) } : {}),
    };
    const page = await this.deals.page(filter, q.limit, q.cursor);
    return { items: page.items.map(toDeal), nextCursor: page.nextCursor };
  }

  async update(ctx: RequestContext, id: string, patch: UpdateDealInput): Promise<Deal> {
    if (patch.ownerId !== undefined) assertMayAssignOwner(ctx, patch.ownerId, 'deal');
    if (patch.contactId) await this.contactMustExist(ctx, patch.contactId);
    return this.mutate(ctx.workspaceId, id, (deal) => {
      assertMayWrite(ctx, deal.ownerId, 'deal');
      const next: DealDoc = { ...deal };
      if (patch.title !== undefined) next.title = patch.title;
      if (patch.contactId !== undefined) next.contactId = patch.contactId;
      if (patch.companyId !== undefined) next.companyId = patch.companyId;
      if (patch.amount !== undefined) next.amount = patch.amount ? toAmountDoc(patch.amount) : null;
      if (patch.ownerId !== undefined) next.ownerId = patch.ownerId;
      if (patch.expectedCloseDate !== undefined) next.expectedCloseDate = patch.expectedCloseDate;
      if (patch.tags !== undefined) next.tags = [...new Set(patch.tags)];
      if (patch.customFields !== undefined)
        next.customFields = { ...deal.customFields, ...patch.customFields };
      const changes = Object.keys(patch).filter(
        (k) =>
          JSON.stringify(next[k as keyof DealDoc]) !== JSON.stringify(deal[k as keyof DealDoc]),
      );
      if (changes.length === 0) return null;
      return this.updated(
        ctx.actor,
        deal,
        { ...next, version: deal.version + 1, updatedAt: new Date() },
        changes,
      );
    });
  }

  async move(
    ctx: RequestContext,
    id: string,
    input: { stageId: string; lostReason?: string },
    checkOwner = true,
  ): Promise<Deal> {
    return this.mutate(ctx.workspaceId, id, async (deal) => {
      if (checkOwner) assertMayWrite(ctx, deal.ownerId, 'deal');
      if (deal.stageId === input.stageId) return null;
      const pipeline = await this.pipelines.findById(ctx.workspaceId, deal.pipelineId);
      if (!pipeline) throw AppError.notFound('pipeline', deal.pipelineId);
      const target = stageForEntry(pipeline, input.stageId);
      const from = pipeline.stages.find((s) => s.id === deal.stageId);
      const next = applyMove(deal, {
        pipeline,
        target,
        lostReason: input.lostReason,
        actor: ctx.actor,
        at: new Date(),
      });
      return { next, events: (doc) => movedEvents(ctx.actor, deal, doc, from, target) };
    });
  }

  /**
   * Offboarding (members.manage, decision 0135): up to `limit` deals owned by `from` go to `to`
   * (null: unowned), each with its `deal.updated`. Idempotent: call until `done`.
   */
  async reassignOwner(
    ctx: RequestContext,
    input: ReassignOwnerInput,
  ): Promise<ReassignOwnerResult> {
    assertCapability(ctx, 'members.manage', 'moving a member’s deals');
    const ids = await this.deals.idsOwnedBy(ctx.workspaceId, input.from, input.limit);
    let moved = 0;
    for (const id of ids) {
      await this.mutate(ctx.workspaceId, id, (deal) => {
        if (deal.ownerId !== input.from) return null;
        moved += 1;
        const next = {
          ...deal,
          ownerId: input.to,
          version: deal.version + 1,
          updatedAt: new Date(),
        };
        return this.updated(ctx.actor, deal, next, ['ownerId']);
      });
    }
    return { moved, done: ids.length < input.limit };
  }

  /** `contact.merged`: the duplicate's deals now belong to the survivor. Idempotent. */
  async reassignContact(
    workspaceId: string,
    actor: Actor,
    duplicateId: string,
    survivorId: string,
  ): Promise<number> {
    let moved = 0;
    for (;;) {
      const ids = await this.deals.idsOfContact(workspaceId, duplicateId, 100);
      if (ids.length === 0) return moved;
      for (const id of ids) {
        await this.mutate(workspaceId, id, (deal) =>
          deal.contactId !== duplicateId
            ? null
            : this.updated(
                actor,
                deal,
                {
                  ...deal,
                  contactId: survivorId,
                  version: deal.version + 1,
                  updatedAt: new Date(),
                },
                ['contactId'],
              ),
        );
        moved += 1;
      }
    }
  }

  /** `company.merged`: the duplicate company's deals now name the survivor. Idempotent. */
  async reassignCompany(
    workspaceId: string,
    actor: Actor,
    duplicateId: string,
    survivorId: string,
  ): Promise<number> {
    let moved = 0;
    for (;;) {
      const ids = await this.deals.idsOfCompany(workspaceId, duplicateId, 100);
      if (ids.length === 0) return moved;
      for (const id of ids) {
        await this.mutate(workspaceId, id, (deal) =>
          deal.companyId !== duplicateId
            ? null
            : this.updated(
                actor,
                deal,
                {
                  ...deal,
                  companyId: survivorId,
                  version: deal.version + 1,
                  updatedAt: new Date(),
                },
                ['companyId'],
              ),
        );
        moved += 1;
      }
    }
  }

  /**
   * `contact.erased`: the deals stay (they are the business's), the person goes: `contactId`
   * becomes null, with no event (the erasure is the event; a `deal.updated` now would only
   * repeat the deal to every consumer). Idempotent.
   */
  async forgetContact(workspaceId: string, contactId: string): Promise<number> {
    let cleared = 0;
    for (;;) {
      const ids = await this.deals.idsOfContact(workspaceId, contactId, 100);
      if (ids.length === 0) return cleared;
      for (const id of ids) {
        await this.mutate(workspaceId, id, (deal) =>
          deal.contactId !== contactId
            ? null
            : {
                next: {
                  ...deal,
                  contactId: null,
                  version: deal.version + 1,
                  updatedAt: new Date(),
                },
                events: () => [],
              },
        );
        cleared += 1;
      }
    }
  }

  /** The deals of one person (their data export). */
  async ofContact(ctx: RequestContext, contactId: string): Promise<DealsPersonData> {
    const docs = await this.deals.ofContact(ctx.workspaceId, contactId, PERSON_EXPORT_LIST_MAX + 1);
    return {
      deals: docs.slice(0, PERSON_EXPORT_LIST_MAX).map(toDeal),
      truncated: docs.length > PERSON_EXPORT_LIST_MAX,
    };
  }

  private updated(actor: Actor, before: DealDoc, next: DealDoc, changes: string[]): Change {
    return { next, events: (doc) => [updatedEvent(actor, before, doc, changes)] };
  }

  /** Read, change, write with a version check; retried by the write kernel. */
  private async mutate(
    workspaceId: string,
    id: string,
    change: (deal: DealDoc) => Change | Promise<Change>,
  ): Promise<Deal> {
    return toDeal((await this.deals.mutate(workspaceId, id, change)).doc);
  }

  private async load(workspaceId: string, id: string): Promise<DealDoc> {
    const doc = await this.deals.findById(workspaceId, id);
    if (!doc) throw AppError.notFound('deal', id);
    return doc;
  }

  /** The primary contact must exist in the caller's workspace (asked of the contacts service). */
  private async contactMustExist(ctx: RequestContext, contactId: string): Promise<void> {
    try {
      await this.rpc.call(RPC.contacts.get, ctx, { id: contactId });
    } catch (err) {
      if (AppError.from(err).code !== 'not_found') throw err;
      throw AppError.validation('no such contact', [
        { path: 'contactId', message: `contact ${contactId} not found in this workspace` },
      ]);
    }
  }
}
