import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FilterQuery, Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { insertIfAbsent, paginate, stage, trusted, VersionedWriter } from '@switchboard/storage';
import {
  companyModel,
  domainClaimModel,
  type CompanyDoc,
  type DomainClaimDoc,
} from './company.schema';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/** Companies storage: documents with their staged events (outbox), and domain claims. */
@Injectable()
export class CompaniesRepository implements OnModuleInit {
  readonly model: Model<CompanyDoc>;
  readonly claims: Model<DomainClaimDoc>;
  private relay!: OutboxKick;
  private readonly writer: VersionedWriter<CompanyDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = companyModel(db.connection);
    this.claims = domainClaimModel(db.connection);
    this.writer = new VersionedWriter(this.model, db.connection, 'company');
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.model.init(), this.claims.init()]);
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  async insert(doc: CompanyDoc, events: EventEnvelope[]): Promise<void> {
    await this.model.create([{ ...doc, outbox: events.map(stage), outboxPending: true }]);
    this.relay.kick();
  }

  findById(workspaceId: string, id: string): Promise<CompanyDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }, NO_OUTBOX).lean<CompanyDoc>();
  }

  /** Writes the new state with its events if nobody changed the company since `expectedVersion`. */
  async replace(
    doc: CompanyDoc,
    expectedVersion: number,
    events: EventEnvelope[],
  ): Promise<boolean> {
    const written = await this.writer.replace(doc, expectedVersion, events);
    if (written) this.relay.kick();
    return written;
  }

  page(
    filter: FilterQuery<CompanyDoc> & { workspaceId: string },
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
