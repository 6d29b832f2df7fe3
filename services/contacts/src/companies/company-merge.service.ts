import { Injectable, Logger } from '@nestjs/common';
import type {
  MergeCompaniesInput,
  MergeCompaniesResult,
  RequestContext,
} from '@switchboard/contracts';
import { assertMayWrite } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { CompaniesRepository } from './companies.repository';
import { CompaniesService } from './companies.service';
import { CompanyContactsService } from './company-contacts.service';
import { CompanyDomains } from './company-domains';
import { companyChanges, companyMerged } from './company-events';
import { planCompanyMerge } from './company-merge';
import { toCompany } from './company.mapper';

/**
 * `POST /v1/companies/merge`, in steps that a retry can finish: (1) archive the duplicate with
 * `mergedInto` (`company.archived`, reason `merged`), (2) move its domain claims to the
 * survivor, (3) write the survivor with the union and resolutions once (`mergedFrom` marks it;
 * `company.merged`), (4) relink every contact of the duplicate to the survivor. A duplicate
 * already archived into this survivor means an earlier attempt stopped midway: go on from there.
 */
@Injectable()
export class CompanyMergeService {
  private readonly logger = new Logger(CompanyMergeService.name);

  constructor(
    private readonly companies: CompaniesService,
    private readonly repo: CompaniesRepository,
    private readonly domains: CompanyDomains,
    private readonly contacts: CompanyContactsService,
  ) {}

  async merge(ctx: RequestContext, input: MergeCompaniesInput): Promise<MergeCompaniesResult> {
    const ws = ctx.workspaceId;
    const [survivor, duplicate] = await Promise.all([
      this.companies.load(ws, input.survivorId),
      this.companies.load(ws, input.duplicateId),
    ]);
    assertMayWrite(ctx, survivor.ownerId, 'company');
    assertMayWrite(ctx, duplicate.ownerId, 'company');
    if (survivor.status !== 'active') {
      throw new AppError('conflict', `company ${survivor._id} is archived`);
    }
    const resuming = duplicate.status === 'archived' && duplicate.mergedInto === survivor._id;
    if (duplicate.status !== 'active' && !resuming) {
      throw new AppError('conflict', `company ${duplicate._id} is archived`);
    }
    const plan = planCompanyMerge(survivor, duplicate, input.resolutions);

    if (input.dryRun) {
      return {
        dryRun: true,
        company: toCompany({ ...plan.next, version: survivor.version + 1 }),
        duplicate: toCompany({
          ...duplicate,
          status: 'archived',
          mergedInto: survivor._id,
          version: duplicate.version + (resuming ? 0 : 1),
        }),
        conflicts: plan.conflicts,
        relinkedContacts: await this.contacts.countLinked(ws, duplicate._id),
      };
    }

    const archived = await this.companies.mutate(ws, duplicate._id, (dup) => {
      if (dup.status === 'archived') {
        if (dup.mergedInto === survivor._id) return null;
        throw new AppError('conflict', `company ${dup._id} is archived`);
      }
      return this.companies.archived(ctx.actor, dup, 'merged', survivor._id);
    });
    const lost: string[] = [];
    for (const domain of duplicate.domains) {
      if (survivor.domains.includes(domain)) continue;
      if (!(await this.moveClaim(ws, domain, duplicate._id, survivor._id))) lost.push(domain);
    }
    const company = await this.companies.mutate(ws, survivor._id, (current) => {
      if (current.mergedFrom?.includes(duplicate._id)) return null;
      const { next } = planCompanyMerge(current, duplicate, input.resolutions);
      next.domains = next.domains.filter((d) => !lost.includes(d));
      const changes = companyChanges(current, next);
      return {
        next: { ...next, version: current.version + 1, updatedAt: new Date() },
        events: (doc) => [companyMerged(ctx.actor, doc, duplicate._id, changes)],
      };
    });
    const relinked = await this.contacts.relink(ws, ctx.actor, duplicate._id, survivor._id);
    this.logger.log(
      { workspaceId: ws, survivorId: survivor._id, duplicateId: duplicate._id, relinked },
      'companies merged',
    );
    return {
      dryRun: false,
      company,
      duplicate: archived,
      conflicts: plan.conflicts,
      relinkedContacts: relinked,
    };
  }

  /**
   * Hands a claim from the archived duplicate to the survivor (or claims it if it is free);
   * false when another company took the domain meanwhile (the survivor goes without it).
   */
  private async moveClaim(ws: string, domain: string, from: string, to: string) {
    const claim = await this.repo.findClaim(ws, domain);
    if (claim?.companyId === from) await this.repo.releaseClaim(ws, domain, from);
    try {
      await this.domains.claim(ws, to, [domain]);
      return true;
    } catch (err) {
      if (AppError.from(err).code !== 'conflict') throw err;
      this.logger.warn(
        { workspaceId: ws, domain, survivorId: to },
        'merge: domain taken meanwhile',
      );
      return false;
    }
  }
}
