import { Injectable } from '@nestjs/common';
import type {
  CaptureLeadInput,
  EventEnvelope,
  Lead,
  LeadSettings,
  ListLeadsQuery,
  Page,
  ReassignOwnerInput,
  ReassignOwnerResult,
  RequestContext,
  UpdateLeadInput,
  UpdateLeadSettingsInput,
} from '@switchboard/contracts';
import {
  assertCapability,
  assertMayAssignOwner,
  assertMayWrite,
  mayRead,
  ownerCondition,
} from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import { trusted } from '@switchboard/storage';
import { leadCreated, leadQualified, leadUpdated } from './lead-events';
import { buildLeadDoc, mayMove, roundRobinPick } from './lead-workflow';
import { toLead } from './lead.mapper';
import type { LeadDoc } from './lead.schema';
import { LeadsRepository } from './leads.repository';

export type LeadChange = { next: LeadDoc; events: (lead: LeadDoc) => EventEnvelope[] } | null;

/** Capture, reads, the status workflow, assignment and round-robin (docs: decision 61). */
@Injectable()
export class LeadsService {
  constructor(private readonly leads: LeadsRepository) {}

  async capture(ctx: RequestContext, input: CaptureLeadInput): Promise<Lead> {
    if (input.assigneeId) assertMayAssignOwner(ctx, input.assigneeId, 'lead');
    const now = new Date();
    const facts = { id: newId(), workspaceId: ctx.workspaceId, actor: ctx.actor, now };
    // Built (and so checked) before a round-robin turn is taken: a refused capture takes none.
    buildLeadDoc(input, { ...facts, assignment: null });
    const next = input.assigneeId ? null : await this.nextRoundRobin(ctx.workspaceId);
    const assignment = input.assigneeId
      ? { assigneeId: input.assigneeId, how: 'manual' as const }
      : next
        ? { assigneeId: next, how: 'round_robin' as const }
        : null;
    const doc = buildLeadDoc(input, { ...facts, assignment });
    await this.leads.insert(doc, [leadCreated(ctx.actor, doc)]);
    return toLead(doc);
  }

  /** A lead outside the caller's read scope (by assignee) is not found (decision 0106). */
  async get(ctx: RequestContext, id: string): Promise<Lead> {
    const doc = await this.load(ctx.workspaceId, id);
    if (!mayRead(ctx, doc.assigneeId)) throw AppError.notFound('lead', id);
    return toLead(doc);
  }

  async list(ctx: RequestContext, q: ListLeadsQuery): Promise<Page<Lead>> {
    const asked =
      q.assigneeId === 'me' ? ctx.actor.id : q.assigneeId === 'none' ? null : q.assigneeId;
    const assignees = ownerCondition(ctx, asked); // the read scope in the query (decision 0106)
    const filter = {
      workspaceId: ctx.workspaceId,
      ...(q.status ? { status: q.status } : {}),
      ...(assignees === undefined
        ? {}
        : { assigneeId: assignees.length === 1 ? assignees[0] : trusted({ $in: assignees }) }),
      ...(q.source ? { source: q.source } : {}),
      ...(q.formId ? { formId: q.formId } : {}),
      ...(q.email ? { email: q.email } : {}),
    };
    const page = await this.leads.page(filter, q.limit, q.cursor);
    return { items: page.items.map(toLead), nextCursor: page.nextCursor };
  }

  /** PATCH: a status move and/or an assignment. A converted lead never changes. */
  async update(ctx: RequestContext, id: string, patch: UpdateLeadInput): Promise<Lead> {
    if (patch.assigneeId !== undefined) assertMayAssignOwner(ctx, patch.assigneeId, 'lead');
    const doc = await this.mutate(ctx.workspaceId, id, (lead) => {
      assertNotConverted(lead);
      assertMayWrite(ctx, lead.assigneeId, 'lead');
      const now = new Date();
      const next: LeadDoc = { ...lead };
      const changes: string[] = [];
      if (patch.status !== undefined && patch.status !== lead.status) {
        if (!mayMove(lead.status, patch.status)) {
          throw new AppError('conflict', `a ${lead.status} lead cannot become ${patch.status}`, {
            from: lead.status,
            to: patch.status,
          });
        }
        const reason = patch.reason ?? null;
        next.status = patch.status;
        next.reason = reason;
        next.statusHistory = [
          ...lead.statusHistory,
          { from: lead.status, to: patch.status, reason, at: now, actor: ctx.actor },
        ];
        changes.push('status');
      }
      if (patch.assigneeId !== undefined && patch.assigneeId !== lead.assigneeId) {
        next.assigneeId = patch.assigneeId;
        next.assignments = [
          ...lead.assignments,
          { assigneeId: patch.assigneeId, how: 'manual', at: now, actor: ctx.actor },
        ];
        changes.push('assigneeId');
      }
      if (changes.length === 0) return null;
      return {
        next: { ...next, version: lead.version + 1, updatedAt: now },
        events: (doc) => [
          leadUpdated(ctx.actor, doc, changes),
          ...(changes.includes('status') && doc.status === 'qualified'
            ? [leadQualified(ctx.actor, doc)]
            : []),
        ],
      };
    });
    return toLead(doc);
  }

  /**
   * Offboarding (members.manage, decision 0135): up to `limit` leads assigned to `from`, converted
   * ones included, go to `to` (null: unassigned), each with its `lead.updated`. Idempotent.
   */
  async reassignLeads(
    ctx: RequestContext,
    input: ReassignOwnerInput,
  ): Promise<ReassignOwnerResult> {
    assertCapability(ctx, 'members.manage', 'moving a member’s leads');
    const ids = await this.leads.idsAssignedTo(ctx.workspaceId, input.from, input.limit);
    let moved = 0;
    for (const id of ids) {
      await this.mutate(ctx.workspaceId, id, (lead) => {
        if (lead.assigneeId !== input.from) return null;
        moved += 1;
        const now = new Date();
        const next: LeadDoc = {
          ...lead,
          assigneeId: input.to,
          assignments: [
            ...lead.assignments,
            { assigneeId: input.to, how: 'manual', at: now, actor: ctx.actor },
          ],
          version: lead.version + 1,
          updatedAt: now,
        };
        return { next, events: (doc) => [leadUpdated(ctx.actor, doc, ['assigneeId'])] };
      });
    }
    return { moved, done: ids.length < input.limit };
  }

  async settings(ctx: RequestContext): Promise<LeadSettings> {
    const s = await this.leads.settingsOf(ctx.workspaceId);
    return { roundRobin: s.roundRobin, version: s.version };
  }

  async updateSettings(ctx: RequestContext, input: UpdateLeadSettingsInput): Promise<LeadSettings> {
    const { doc } = await this.leads.mutateSettings(ctx.workspaceId, (s) => {
      const next = {
        ...s,
        roundRobin: input.roundRobin,
        next: 0,
        version: s.version + 1,
        updatedAt: new Date(),
      };
      const event = buildEvent('lead_settings.updated', {
        workspaceId: ctx.workspaceId,
        actor: ctx.actor,
        aggregateId: s._id,
        aggregateVersion: next.version,
        occurredAt: next.updatedAt,
        data: { roundRobin: next.roundRobin, previous: s.roundRobin },
      });
      return { next, events: [event] };
    });
    return { roundRobin: doc.roundRobin, version: doc.version };
  }

  /**
   * The member the next round-robin assignment goes to, claimed by a compare-and-set of the
   * position (two captures at once never get the same turn); null without a set.
   */
  private async nextRoundRobin(workspaceId: string): Promise<string | null> {
    let pick: string | null = null;
    await this.leads.mutateSettings(workspaceId, (s) => {
      pick = roundRobinPick(s.roundRobin, s.next);
      if (!pick) return null;
      return {
        next: { ...s, next: s.next + 1, version: s.version + 1, updatedAt: new Date() },
        events: [],
      };
    });
    return pick;
  }

  /** Read, change, write with a version check; retried by the write kernel. */
  async mutate(
    workspaceId: string,
    id: string,
    change: (lead: LeadDoc) => LeadChange | Promise<LeadChange>,
  ): Promise<LeadDoc> {
    return (await this.leads.mutate(workspaceId, id, change)).doc;
  }

  async load(workspaceId: string, id: string): Promise<LeadDoc> {
    const doc = await this.leads.findById(workspaceId, id);
    if (!doc) throw AppError.notFound('lead', id);
    return doc;
  }
}

export function assertNotConverted(lead: LeadDoc): void {
  if (lead.status === 'converted') {
    throw new AppError('conflict', `lead ${lead._id} was converted and no longer changes`, {
      contactId: lead.conversion?.contactId ?? null,
    });
  }
}
