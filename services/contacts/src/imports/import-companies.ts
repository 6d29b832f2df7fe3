import { Injectable } from '@nestjs/common';
import {
  CompanyDomain,
  CreateCompanyInput,
  type ImportOnMissingCompany,
  type RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { CompaniesRepository } from '../companies/companies.repository';
import { CompaniesService } from '../companies/companies.service';
import { fold } from '../companies/company.mapper';

/** What a free-text `company` cell names: a domain (it looks like one) and always a name. */
export interface CompanyCell {
  name: string;
  domain?: string;
}

const DOMAIN_LIKE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#].*)?$/i;

/** `Acme Ltd` → a name; `acme.io`, `https://www.acme.io/` → that domain (and it as the name). */
export function readCompanyCell(value: string): CompanyCell {
  const name = value.trim();
  if (!DOMAIN_LIKE.test(name) || /\s/.test(name)) return { name };
  const domain = CompanyDomain.safeParse(name);
  return domain.success ? { name, domain: domain.data } : { name };
}

/** The company a cell resolved to, or why it could not. */
export type CompanyResolution = { companyId: string } | { companyId: null; error?: string };

const cellKey = (cell: CompanyCell) => cell.domain ?? `name:${fold(cell.name)}`;

/**
 * Resolves the `company` cells of an import batch (decision 0126): by domain among the active
 * companies' domains, else by name (case- and accent-insensitive, the oldest of several); a cell
 * naming none is created (`create`, with the caller's rights: `contacts.create`), left unlinked
 * (`skip`) or fails its row (`fail`). Each distinct cell is resolved once per batch, and batches
 * resolve one after another, so a file naming a new company on many rows creates it once; a
 * replayed batch finds the company its first attempt created.
 */
@Injectable()
export class ImportCompanies {
  constructor(
    private readonly repository: CompaniesRepository,
    private readonly companies: CompaniesService,
  ) {}

  async resolve(
    ctx: RequestContext,
    values: string[],
    onMissing: ImportOnMissingCompany,
  ): Promise<Map<string, CompanyResolution>> {
    const cells = new Map<string, CompanyCell>();
    for (const v of values) {
      const cell = readCompanyCell(v);
      // The first spelling in the file names a company it creates.
      if (!cells.has(cellKey(cell))) cells.set(cellKey(cell), cell);
    }
    const found = await this.find(ctx.workspaceId, [...cells.values()]);
    const resolved = new Map<string, CompanyResolution>();
    for (const [key, cell] of cells) {
      const companyId = found.get(key);
      resolved.set(key, companyId ? { companyId } : await this.missing(ctx, cell, onMissing));
    }
    return new Map(values.map((v) => [v, resolved.get(cellKey(readCompanyCell(v)))!]));
  }

  /** Existing active companies by cell key: domain matches first, then names. */
  private async find(workspaceId: string, cells: CompanyCell[]): Promise<Map<string, string>> {
    const domains = cells.flatMap((c) => (c.domain ? [c.domain] : []));
    const names = [...new Set(cells.map((c) => fold(c.name)))];
    const [byDomain, byName] = await Promise.all([
      this.repository.activeByDomains(workspaceId, domains),
      this.repository.activeByFoldedNames(workspaceId, names),
    ]);
    const found = new Map<string, string>();
    for (const c of byDomain) for (const d of c.domains) found.set(d, c._id);
    const oldestFirst = [...byName].sort(
      (a, b) => +a.createdAt - +b.createdAt || (a._id < b._id ? -1 : 1),
    );
    for (const c of oldestFirst) {
      const key = `name:${fold(c.name)}`;
      if (!found.has(key)) found.set(key, c._id);
    }
    // A domain-looking cell no company holds may still be a company's name (`Booking.com`).
    for (const cell of cells) {
      if (cell.domain && !found.has(cell.domain)) {
        const named = found.get(`name:${fold(cell.name)}`);
        if (named) found.set(cell.domain, named);
      }
    }
    return found;
  }

  private async missing(
    ctx: RequestContext,
    cell: CompanyCell,
    onMissing: ImportOnMissingCompany,
  ): Promise<CompanyResolution> {
    if (onMissing === 'skip') return { companyId: null };
    const none = `no company named ${cell.name}`;
    if (onMissing === 'fail') return { companyId: null, error: none };
    if (!ctx.capabilities.includes('contacts.create')) {
      return {
        companyId: null,
        error: `${none}; creating it needs the capability contacts.create`,
      };
    }
    try {
      const input = CreateCompanyInput.parse({
        name: (cell.domain ?? cell.name).slice(0, 200),
        ...(cell.domain ? { domains: [cell.domain] } : {}),
      });
      return { companyId: (await this.companies.create(ctx, input)).id };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { companyId: null, error: `${none}; it could not be created: ${err.message}` };
    }
  }
}
