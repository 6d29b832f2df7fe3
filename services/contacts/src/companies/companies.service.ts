import { Injectable } from '@nestjs/common';
import type {
  Actor,
  Company,
  CreateCompanyInput,
  EventEnvelope,
  ListCompaniesQuery,
  Page,
  ReassignOwnerInput,
  ReassignOwnerResult,
  RequestContext,
  UpdateCompanyInput,
} from '@switchboard/contracts';
import {
  assertCapability,
  assertMayAssignOwner,
  assertMayWrite,
  mayRead,
} from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { trusted } from '@switchboard/storage';
import { narrowToReadScope } from '../contacts/contact-filter';
import { ContactRulesService } from '../settings/contact-rules.service';
import { CompaniesRepository } from './companies.repository';
import { companyArchived, companyChanges, companyCreated, companyUpdated } from './company-events';
import { CompanyDomains } from './company-domains';
import { companySearchKeys, fold, toCompany } from './company.mapper';
import type { CompanyDoc } from './company.schema';

export type CompanyChange = {
  next: CompanyDoc;
  events: (next: CompanyDoc) => EventEnvelope[];
} | null;

const unique = (l: string[] = []) => [...new Set(l.map((s) => s.trim()).filter(Boolean))];
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Values without the slugs set to null (a cleared value is not stored). */
export const withoutNulls = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));

@Injectable()
export class CompaniesService {
  constructor(
    private readonly companies: CompaniesRepository,
    private readonly domains: CompanyDomains,
    private readonly rules: ContactRulesService,
  ) {}

  async create(ctx: RequestContext, input: CreateCompanyInput): Promise<Company> {
    assertMayAssignOwner(ctx, input.ownerId, 'company');
    await this.checkCustomFields(ctx.workspaceId, input.customFields, 'create');
    const now = new Date();
    const domains = unique(input.domains);
    const doc: CompanyDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      name: input.name,
      domains,
      ...(input.industry ? { industry: input.industry } : {}),
      ...(input.website ? { website: input.website } : {}),
      ...(input.address ? { address: input.address } : {}),
      ...(input.size ? { size: input.size } : {}),
      tags: unique(input.tags),
      customFields: withoutNulls(input.customFields ?? {}),
      ownerId: input.ownerId ?? null,
      status: 'active',
      mergedInto: null,
      mergedFrom: [],
      searchKeys: companySearchKeys(input.name, domains),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.domains.claim(ctx.workspaceId, doc._id, domains);
    try {
      await this.companies.insert(doc, [companyCreated(ctx.actor, doc)]);
    } catch (err) {
      await this.domains.release(ctx.workspaceId, doc._id, domains);
      throw err;
    }
    return toCompany(doc);
  }

  /** A company outside the caller's read scope is not found, like one of another workspace. */
  async get(ctx: RequestContext, id: string): Promise<Company> {
    const doc = await this.load(ctx.workspaceId, id);
    if (!mayRead(ctx, doc.ownerId)) throw AppError.notFound('company', id);
    return toCompany(doc);
  }

  async list(ctx: RequestContext, q: ListCompaniesQuery): Promise<Page<Company>> {
    const ownerId = q.ownerId === 'me' ? ctx.actor.id : q.ownerId === 'none' ? null : q.ownerId;
    const filter: Record<string, unknown> & { workspaceId: string } = {
      workspaceId: ctx.workspaceId,
      status: q.status,
      ...(q.domain ? { domains: q.domain } : {}),
      ...(q.ownerId !== undefined ? { ownerId } : {}),
      ...(q.q ? { searchKeys: trusted({ $regex: `^${escapeRegex(fold(q.q))}` }) } : {}),
    };
    const and: Array<Record<string, unknown>> = [];
    narrowToReadScope(ctx, filter, and);
    if (and.length > 0) filter.$and = and;
    const page = await this.companies.page(filter, q.limit, q.cursor);
    return { items: page.items.map(toCompany), nextCursor: page.nextCursor };
  }

  async update(ctx: RequestContext, id: string, patch: UpdateCompanyInput): Promise<Company> {
    if (patch.ownerId !== undefined) assertMayAssignOwner(ctx, patch.ownerId, 'company');
    if (patch.customFields)
      await this.checkCustomFields(ctx.workspaceId, patch.customFields, 'update');
    const claimed = new Set<string>();
    let removed: string[] = [];
    const company = await this.guardClaims(ctx.workspaceId, id, claimed, () =>
      this.mutate(
        ctx.workspaceId,
        id,
        async (current) => {
          assertMayWrite(ctx, current.ownerId, 'company');
          if (current.status !== 'active') {
            throw new AppError('conflict', `company ${id} is archived`);
          }
          const next = applyPatch(current, patch);
          const changes = companyChanges(current, next);
          removed = [];
          if (changes.length === 0) return null;
          const newDomains = next.domains.filter((d) => !current.domains.includes(d));
          await this.domains.claim(ctx.workspaceId, id, newDomains);
          newDomains.forEach((d) => claimed.add(d));
          removed = current.domains.filter((d) => !next.domains.includes(d));
          return {
            next: { ...next, version: current.version + 1, updatedAt: new Date() },
            events: (doc) => [companyUpdated(ctx.actor, doc, changes)],
          };
        },
        patch.version,
      ),
    );
    // After the write, never before: domains the company dropped (and claims taken by an
    // attempt that lost a race and are not listed in the end) go back to the pool.
    const unheld = [...claimed].filter((d) => !company.domains.includes(d));
    await this.domains.release(ctx.workspaceId, id, [...removed, ...unheld]);
    return company;
  }

  /**
   * Offboarding (members.manage, decision 0135): up to `limit` companies owned by `from`, archived
   * ones included, go to `to` (null: unowned), each with its `company.updated`. Idempotent.
   */
  async reassignOwner(
    ctx: RequestContext,
    input: ReassignOwnerInput,
  ): Promise<ReassignOwnerResult> {
    assertCapability(ctx, 'members.manage', 'moving a member’s companies');
    const ids = await this.companies.idsOwnedBy(ctx.workspaceId, input.from, input.limit);
    let moved = 0;
    for (const id of ids) {
      await this.mutate(ctx.workspaceId, id, (current) => {
        if (current.ownerId !== input.from) return null;
        moved += 1;
        const next = { ...current, ownerId: input.to };
        return {
          next: { ...next, version: current.version + 1, updatedAt: new Date() },
          events: (doc) => [companyUpdated(ctx.actor, doc, companyChanges(current, next))],
        };
      });
    }
    return { moved, done: ids.length < input.limit };
  }

  /** Runs a write; if it fails, gives back the claims it took for domains the company lacks. */
  private async guardClaims<T>(
    workspaceId: string,
    id: string,
    claimed: Set<string>,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (err) {
      const stored = await this.companies.findById(workspaceId, id);
      const lacking = [...claimed].filter((d) => !stored?.domains.includes(d));
      await this.domains.release(workspaceId, id, lacking);
      throw err;
    }
  }

  /** DELETE: archives the company (history kept) and frees its domains for other companies. */
  async archive(ctx: RequestContext, id: string, reason = 'deleted'): Promise<Company> {
    const company = await this.mutate(ctx.workspaceId, id, (current) => {
      assertMayWrite(ctx, current.ownerId, 'company');
      if (current.status === 'archived') return null;
      return this.archived(ctx.actor, current, reason);
    });
    await this.domains.release(ctx.workspaceId, id, company.domains);
    return company;
  }

  archived(actor: Actor, current: CompanyDoc, reason: string, mergedInto?: string): CompanyChange {
    return {
      next: {
        ...current,
        status: 'archived',
        mergedInto: mergedInto ?? null,
        version: current.version + 1,
        updatedAt: new Date(),
      },
      events: (doc) => [companyArchived(actor, doc, reason)],
    };
  }

  /**
   * Read, change, write with a version check, retried by the write kernel when another write
   * came first; with `expectedVersion` a company that moved on is a 409 instead.
   */
  async mutate(
    workspaceId: string,
    id: string,
    change: (company: CompanyDoc) => CompanyChange | Promise<CompanyChange>,
    expectedVersion?: number,
  ): Promise<Company> {
    const { doc } = await this.companies.mutate(
      workspaceId,
      id,
      async (current) => {
        const result = await change(current);
        if (!result) return null;
        const next = {
          ...result.next,
          searchKeys: companySearchKeys(result.next.name, result.next.domains),
        };
        return { next, events: result.events };
      },
      { expectedVersion },
    );
    return toCompany(doc);
  }

  async load(workspaceId: string, id: string): Promise<CompanyDoc> {
    const doc = await this.companies.findById(workspaceId, id);
    if (!doc) throw AppError.notFound('company', id);
    return doc;
  }

  async checkCustomFields(
    workspaceId: string,
    values: Record<string, unknown> | undefined,
    mode: 'create' | 'update',
  ): Promise<void> {
    const rules = await this.rules.customFieldRules(workspaceId, 'company');
    const errors = rules.errors(values, mode);
    if (errors.length > 0) throw AppError.validation('invalid company', errors);
  }
}

function applyPatch(current: CompanyDoc, patch: UpdateCompanyInput): CompanyDoc {
  const next: CompanyDoc = { ...current };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.domains !== undefined) next.domains = unique(patch.domains);
  if (patch.tags !== undefined) next.tags = unique(patch.tags);
  if (patch.ownerId !== undefined) next.ownerId = patch.ownerId;
  for (const key of ['industry', 'website', 'address', 'size'] as const) {
    const value = patch[key];
    if (value === null) delete next[key];
    else if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  if (patch.customFields) {
    next.customFields = withoutNulls({ ...current.customFields, ...patch.customFields });
  }
  return next;
}
