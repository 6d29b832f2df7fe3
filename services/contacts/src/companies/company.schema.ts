import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Address, CompanySize, CompanyStatus } from '@switchboard/contracts';

export interface CompanyDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  name: string;
  /** Normalised (lower-case, no `www.`); each held by one active company (domain claims). */
  domains: string[];
  industry?: string;
  website?: string;
  address?: Address;
  size?: CompanySize;
  tags: string[];
  customFields: Record<string, unknown>;
  ownerId: string | null;
  status: CompanyStatus;
  mergedInto: string | null;
  /** Companies merged into this one: a merge writes the survivor once, even when retried. */
  mergedFrom: string[];
  /** Folded name, its words and the domains: what `q` matches by prefix. */
  searchKeys: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const CompanySchema = new Schema<CompanyDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    name: { type: String, required: true },
    domains: { type: [String], default: [] },
    industry: String,
    website: String,
    address: {
      line1: String,
      line2: String,
      city: String,
      state: String,
      postalCode: String,
      country: String,
    },
    size: String,
    tags: { type: [String], default: [] },
    customFields: { type: Schema.Types.Mixed, default: {} },
    ownerId: { type: String, default: null },
    status: { type: String, enum: ['active', 'archived'], default: 'active' },
    mergedInto: { type: String, default: null },
    mergedFrom: { type: [String], default: [] },
    searchKeys: { type: [String], default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'companies', versionKey: false, minimize: false },
);
CompanySchema.plugin(tenantGuard);
CompanySchema.plugin(outboxPlugin);
CompanySchema.index({ workspaceId: 1, status: 1, createdAt: -1, _id: -1 });
CompanySchema.index({ workspaceId: 1, domains: 1 });
CompanySchema.index({ workspaceId: 1, searchKeys: 1 });

export const companyModel = (connection: Connection): Model<CompanyDoc> =>
  connection.model<CompanyDoc>('Company', CompanySchema);

/**
 * Who holds a domain in a workspace (`_id` = `<workspaceId>:<domain>`): the unique `_id` makes
 * "one domain, one company" hold under concurrent writers, which a unique index over the
 * `domains` array could not do portably. See docs/architecture.md, "Company domains".
 */
export interface DomainClaimDoc {
  _id: string;
  workspaceId: string;
  domain: string;
  companyId: string;
  at: Date;
}

const DomainClaimSchema = new Schema<DomainClaimDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    domain: { type: String, required: true },
    companyId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'company_domains', versionKey: false },
);
DomainClaimSchema.plugin(tenantGuard);

export const domainClaimModel = (connection: Connection): Model<DomainClaimDoc> =>
  connection.model<DomainClaimDoc>('CompanyDomainClaim', DomainClaimSchema);
