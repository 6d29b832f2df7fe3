import { Injectable } from '@nestjs/common';
import { AppError } from '@switchboard/errors';
import { CompaniesRepository } from './companies.repository';

/** A claim this recent may belong to a write still in flight: it is never taken over. */
const YOUNG_CLAIM_MS = 30_000;

const clash = (domain: string, companyId: string) =>
  new AppError('conflict', `domain ${domain} belongs to company ${companyId}`, {
    domain,
    companyId,
  });

/**
 * One domain, one active company per workspace. A company claims a domain (unique claim `_id`)
 * before its document says so, and releases it after a write that dropped the domain (edit,
 * archive, merge). A claim whose holder does not hold the domain is stale (a crash between the
 * two writes) and is taken over once it is older than 30 s. See docs/architecture.md.
 */
@Injectable()
export class CompanyDomains {
  constructor(private readonly repo: CompaniesRepository) {}

  /**
   * Claims every domain for the company, or throws 409 `conflict` naming the domain and the
   * company holding it; claims taken by this call are given back when it fails.
   */
  async claim(workspaceId: string, companyId: string, domains: string[]): Promise<void> {
    const taken: string[] = [];
    try {
      for (const domain of domains) {
        if (await this.claimOne(workspaceId, companyId, domain)) taken.push(domain);
      }
    } catch (err) {
      await this.release(workspaceId, companyId, taken);
      throw err;
    }
  }

  async release(workspaceId: string, companyId: string, domains: string[]): Promise<void> {
    for (const domain of domains) await this.repo.releaseClaim(workspaceId, domain, companyId);
  }

  /** True when this call inserted the claim, false when the company held it already. */
  private async claimOne(workspaceId: string, companyId: string, domain: string): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await this.repo.insertClaim(workspaceId, domain, companyId)) {
        try {
          await this.noOtherHolder(workspaceId, companyId, domain);
        } catch (err) {
          await this.repo.releaseClaim(workspaceId, domain, companyId);
          throw err;
        }
        return true;
      }
      const claim = await this.repo.findClaim(workspaceId, domain);
      if (!claim) continue; // released meanwhile: try again
      if (claim.companyId === companyId) {
        await this.noOtherHolder(workspaceId, companyId, domain);
        return false;
      }
      const holder = await this.repo.findById(workspaceId, claim.companyId);
      const holds = holder?.status === 'active' && holder.domains.includes(domain);
      if (holds || Date.now() - new Date(claim.at).getTime() < YOUNG_CLAIM_MS) {
        throw clash(domain, claim.companyId);
      }
      await this.repo.releaseClaim(workspaceId, domain, claim.companyId);
    }
    throw new AppError('conflict', `domain ${domain} is being claimed concurrently; try again`);
  }

  /**
   * The documents agree: no other active company lists the domain. Guards the one race claims
   * alone miss (a company's own edit dropping a domain while another edit of it re-adds it).
   */
  private async noOtherHolder(workspaceId: string, companyId: string, domain: string) {
    const holders = await this.repo.activeByDomains(workspaceId, [domain]);
    const other = holders.find((c) => c._id !== companyId);
    if (other) throw clash(domain, other._id);
  }
}
