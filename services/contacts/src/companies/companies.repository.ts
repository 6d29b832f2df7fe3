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
import { fold } from './company.mapper';

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

  /** Ids of up to `limit` companies owned by `ownerId` (offboarding moves them). */
  async idsOwnedBy(workspaceId: string, ownerId: string, limit: number): Promise<string[]> {
    const rows = await this.model
      .find({ workspaceId, ownerId }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
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

  /**
   * Active companies whose folded name is one of `names` (through the search keys, which hold the
   * whole folded name; words of other names are filtered out here).
   */
  async activeByFoldedNames(
    workspaceId: string,
    names: string[],
  ): Promise<Pick<CompanyDoc, '_id' | 'name' | 'createdAt'>[]> {
    if (names.length === 0) return [];
    const wanted = new Set(names);
    const found = await this.model
      .find(
        { workspaceId, status: 'active', searchKeys: trusted({ $in: names }) },
        { _id: 1, name: 1, createdAt: 1 },
      )
      .lean<Pick<CompanyDoc, '_id' | 'name' | 'createdAt'>[]>();
    return found.filter((c) => wanted.has(fold(c.name)));
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
