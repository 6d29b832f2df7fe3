import { Injectable } from '@nestjs/common';
import type { ChannelInput, CompanyLink, FieldError } from '@switchboard/contracts';
import { CompaniesRepository } from './companies.repository';

/** What a contact write brings that touches companies. */
export interface ContactCompanyInput {
  channels?: ChannelInput[] | null;
  companyLinks?: CompanyLink[] | null;
}

/** The domain of an email as companies store domains (lower-case); undefined if not an email. */
export const emailDomain = (value: string): string | undefined => {
  const at = value.trim().toLowerCase().lastIndexOf('@');
  if (at < 1) return undefined;
  const domain = value
    .trim()
    .toLowerCase()
    .slice(at + 1)
    .replace(/\.$/, '');
  return domain.includes('.') ? domain : undefined;
};

const emailsOf = (input: ContactCompanyInput): string[] =>
  (input.channels ?? []).filter((c) => c.type === 'email').map((c) => c.value.trim().toLowerCase());

/**
 * The companies a batch of contact writes refers to, loaded once (two queries) and then checked
 * synchronously per contact — what create and each import batch use.
 */
export class CompanyMatches {
  constructor(
    private readonly byDomain: ReadonlyMap<string, string>,
    private readonly active: ReadonlySet<string>,
  ) {}

  /** The company holding the domain, if an active one does. */
  companyOfDomain(domain: string): string | undefined {
    return this.byDomain.get(domain);
  }

  /** Errors for links naming no active company of the workspace (for PATCH and imports). */
  linkErrors(links: CompanyLink[] | null | undefined, prefix = ''): FieldError[] {
    return (links ?? []).flatMap((link, i) =>
      this.active.has(link.companyId)
        ? []
        : [
            {
              path: `${prefix}companyLinks.${i}.companyId`,
              message: `no active company ${link.companyId} in this workspace`,
            },
          ],
    );
  }

  /**
   * A new contact's company links: the given ones (each must name an active company of the
   * workspace: errors at `companyLinks.<i>.companyId`), then one per active company whose
   * domain is the domain of any of the contact's emails (with that email as `workEmail`).
   */
  linksFor(
    input: ContactCompanyInput,
    prefix = '',
  ): { links: CompanyLink[]; errors: FieldError[] } {
    const errors = this.linkErrors(input.companyLinks, prefix);
    const links: CompanyLink[] = [];
    for (const link of input.companyLinks ?? []) {
      if (!links.some((l) => l.companyId === link.companyId)) links.push(link);
    }
    for (const email of emailsOf(input)) {
      const domain = emailDomain(email);
      const companyId = domain ? this.byDomain.get(domain) : undefined;
      if (companyId && !links.some((l) => l.companyId === companyId)) {
        links.push({ companyId, workEmail: email });
      }
    }
    return { links, errors };
  }

  /**
   * After an edit of a contact's channels: its links plus one per active company holding the
   * domain of an email the edit added (emails it had before never re-link a company someone
   * unlinked on purpose). `undefined` when there is nothing to add.
   */
  linksForAddedEmails(
    before: { channels: ChannelInput[] },
    after: { channels: ChannelInput[]; companyLinks: CompanyLink[] },
  ): CompanyLink[] | undefined {
    const had = new Set(emailsOf(before));
    const links = [...after.companyLinks];
    for (const email of emailsOf(after)) {
      if (had.has(email)) continue;
      const domain = emailDomain(email);
      const companyId = domain ? this.byDomain.get(domain) : undefined;
      if (companyId && !links.some((l) => l.companyId === companyId)) {
        links.push({ companyId, workEmail: email });
      }
    }
    return links.length > after.companyLinks.length ? links : undefined;
  }
}

/**
 * Company lookups for contact writes: link validation and domain auto-match. Batch-friendly:
 * `forContacts(workspaceId, rows)` loads what all rows need in one go.
 */
@Injectable()
export class CompanyDirectory {
  constructor(private readonly companies: CompaniesRepository) {}

  async forContacts(workspaceId: string, inputs: ContactCompanyInput[]): Promise<CompanyMatches> {
    const domains = new Set<string>();
    const ids = new Set<string>();
    for (const input of inputs) {
      for (const email of emailsOf(input)) {
        const d = emailDomain(email);
        if (d) domains.add(d);
      }
      for (const link of input.companyLinks ?? []) ids.add(link.companyId);
    }
    const [holders, linked] = await Promise.all([
      this.companies.activeByDomains(workspaceId, [...domains]),
      this.companies.statusOf(workspaceId, [...ids]),
    ]);
    const byDomain = new Map<string, string>();
    for (const c of holders) for (const d of c.domains) if (domains.has(d)) byDomain.set(d, c._id);
    const active = new Set(linked.filter((c) => c.status === 'active').map((c) => c._id));
    return new CompanyMatches(byDomain, active);
  }
}
