import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { QueryFilter, Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase } from '@switchboard/runtime';
import {
  insertIfAbsent,
  paginate,
  trusted,
  VersionedStore,
  type Change,
  type MutateOptions,
} from '@switchboard/storage';
import {
  companyModel,
  domainClaimModel,
  type CompanyDoc,
  type DomainClaimDoc,
} from './company.schema';

/** Companies storage: documents with their staged events (outbox), and domain claims. */
@Injectable()
export class CompaniesRepository implements OnModuleInit {
  readonly model: Model<CompanyDoc>;
  readonly claims: Model<DomainClaimDoc>;
  private readonly store: VersionedStore<CompanyDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = companyModel(db.connection);
    this.claims = domainClaimModel(db.connection);
    this.store = new VersionedStore(this.model, db.connection, { entity: 'company' });
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.model.init(), this.claims.init()]);
    this.store.relayWith(this.wiring.startOutboxRelay([this.model]));
  }

  async insert(doc: CompanyDoc, events: EventEnvelope[]): Promise<void> {
    await this.store.create(doc, events);
  }

  findById(workspaceId: string, id: string): Promise<CompanyDoc | null> {
    return this.store.load(workspaceId, id);
  }

  /** Read, change, compare-and-set through the write kernel (`VersionedStore.mutate`). */
  mutate(
    workspaceId: string,
    id: string,
    change: (current: CompanyDoc) => Change<CompanyDoc> | Promise<Change<CompanyDoc>>,
    options: MutateOptions = {},
  ): Promise<{ doc: CompanyDoc; changed: boolean }> {
    return this.store.mutate(workspaceId, id, change, options);
  }

  page(
    filter: QueryFilter<CompanyDoc> & { workspaceId: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<CompanyDoc>> {
    return paginate(this.model, filter, { sortField: 'createdAt', direction: -1, limit, cursor });
  }

  /** Active companies holding any of the domains (id and domains only). */
  activeByDomains(
    workspaceId: string,
    domains: string[],
  ): Promise<Pick<CompanyDoc, '_id' | 'domains'>[]> {
    if (domains.length === 0) return Promise.resolve([]);
    return this.model
      .find(
        { workspaceId, status: 'active', domains: trusted({ $in: domains }) },
        { _id: 1, domains: 1 },
      )
      .lean<Pick<CompanyDoc, '_id' | 'domains'>[]>();
  }

  /** Which of the ids are companies of the workspace, and their status. */
  statusOf(
    workspaceId: string,
    ids: string[],
  ): Promise<Pick<CompanyDoc, '_id' | 'status' | 'mergedInto'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model
      .find({ workspaceId, _id: trusted({ $in: ids }) }, { _id: 1, status: 1, mergedInto: 1 })
      .lean<Pick<CompanyDoc, '_id' | 'status' | 'mergedInto'>[]>();
  }

  // Domain claims -------------------------------------------------------------------------

  static claimId = (workspaceId: string, domain: string) => `${workspaceId}:${domain}`;

  /** Takes a free domain; false when a claim exists (whoever holds it). */
  insertClaim(workspaceId: string, domain: string, companyId: string): Promise<boolean> {
    return insertIfAbsent(this.claims, {
      _id: CompaniesRepository.claimId(workspaceId, domain),
      workspaceId,
      domain,
      companyId,
      at: new Date(),
    });
  }

  findClaim(workspaceId: string, domain: string): Promise<DomainClaimDoc | null> {
    return this.claims
      .findOne({ workspaceId, _id: CompaniesRepository.claimId(workspaceId, domain) })
      .lean<DomainClaimDoc>();
  }

  /** Removes the claim if `companyId` still holds it (a no-op otherwise). */
  async releaseClaim(workspaceId: string, domain: string, companyId: string): Promise<void> {
    await this.claims.deleteOne({
      workspaceId,
      _id: CompaniesRepository.claimId(workspaceId, domain),
      companyId,
    });
  }
}
