import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { insertIfAbsent, isDuplicateKeyError, stage } from '@switchboard/storage';
import { contactModel, type ContactDoc } from '../contacts/contact.schema';
import {
  assessmentModel,
  rankingModel,
  type AssessmentDoc,
  type RankingDoc,
} from '../fit/fit.schema';
import { leadModel, type LeadDoc } from '../leads/lead.schema';
import {
  erasureEventModel,
  erasureModel,
  erasureSuppressionModel,
  type ErasureDoc,
  type ErasureEventDoc,
  type ErasureSuppressionDoc,
} from './erasure.schema';

/** The hash an erased address is remembered by (decision 0132). */
export const addressHash = (channelType: string, value: string): string =>
  createHash('sha256').update(`${channelType}:${value.trim().toLowerCase()}`).digest('hex');

/**
 * Deletes what the contacts service holds of one person (the contact, its leads, fit
 * assessments and rankings) and keeps the erasure record and its `contact.erased` event. Every
 * delete is an equality filter scoped by workspace; running it again deletes nothing more.
 */
@Injectable()
export class ErasureRepository implements OnModuleInit {
  private readonly contacts: Model<ContactDoc>;
  private readonly erasures: Model<ErasureDoc>;
  private readonly events: Model<ErasureEventDoc>;
  private readonly suppressions: Model<ErasureSuppressionDoc>;
  private relay!: OutboxKick;

  constructor(
    private readonly db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.contacts = contactModel(db.connection);
    this.erasures = erasureModel(db.connection);
    this.events = erasureEventModel(db.connection);
    this.suppressions = erasureSuppressionModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.erasures.init(), this.events.init(), this.suppressions.init()]);
    this.relay = this.wiring.startOutboxRelay([this.events]);
  }

  find(workspaceId: string, contactId: string): Promise<ErasureDoc | null> {
    return this.erasures.findOne({ workspaceId, _id: contactId }).lean<ErasureDoc>();
  }

  /** Records the erasure (first call wins); returns the record as stored. */
  async begin(doc: ErasureDoc): Promise<ErasureDoc> {
    try {
      await this.erasures.create(doc);
      return doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return (await this.find(doc.workspaceId, doc._id)) as ErasureDoc;
    }
  }

  /** Contacts that were merged into this one (their data is the person's too). */
  async mergedInto(workspaceId: string, contactId: string): Promise<ContactDoc[]> {
    return this.contacts
      .find({ workspaceId, mergedInto: contactId })
      .limit(1000)
      .lean<ContactDoc[]>();
  }

  /** Leads converted into the contact, and the one it names. */
  async leadIdsOf(workspaceId: string, contact: ContactDoc): Promise<string[]> {
    const leads = leadModel(this.db.connection);
    const converted = await leads
      .find({ workspaceId, 'conversion.contactId': contact._id }, { _id: 1 })
      .limit(1000)
      .lean<Array<{ _id: string }>>();
    const ids = new Set(converted.map((l) => l._id));
    if (contact.leadId) ids.add(contact.leadId);
    return [...ids];
  }

  /** Adds each address to the suppression list by its hash; the count of addresses. */
  async suppress(workspaceId: string, channels: { type: string; value: string }[]) {
    const at = new Date();
    for (const c of channels) {
      const hash = addressHash(c.type, c.value);
      await insertIfAbsent(this.suppressions, {
        _id: `${workspaceId}:${hash}`,
        workspaceId,
        channelType: c.type,
        addressHash: hash,
        reason: 'erased',
        at,
      });
    }
    return channels.length;
  }

  /** Whether an address was suppressed by an erasure. */
  async isSuppressed(workspaceId: string, channelType: string, value: string): Promise<boolean> {
    const hash = addressHash(channelType, value);
    return (
      (await this.suppressions.exists({ workspaceId, _id: `${workspaceId}:${hash}` })) !== null
    );
  }

  async deletePersonData(workspaceId: string, contactId: string, leadIds: string[]) {
    const conn = this.db.connection;
    for (const id of leadIds) await leadModel(conn).deleteOne({ workspaceId, _id: id });
    await assessmentModel(conn).deleteMany({ workspaceId, contactId });
    await rankingModel(conn).deleteMany({ workspaceId, contactId });
    await this.contacts.deleteOne({ workspaceId, _id: contactId });
  }

  /** Stages `contact.erased` (once) and marks the erasure done. */
  async finish(erasure: ErasureDoc, event: EventEnvelope, erasedAt: Date): Promise<ErasureDoc> {
    const staged = {
      _id: erasure._id,
      workspaceId: erasure.workspaceId,
      erasedAt,
      outbox: [stage(event)],
      outboxPending: true,
    };
    if (await insertIfAbsent(this.events, staged)) this.relay.kick();
    const done = {
      state: 'done' as const,
      erasedAt,
      suppressedAddresses: erasure.suppressedAddresses,
    };
    await this.erasures.updateOne(
      { workspaceId: erasure.workspaceId, _id: erasure._id, state: 'erasing' },
      { $set: done },
    );
    return { ...erasure, ...done };
  }

  async recordSuppressed(workspaceId: string, contactId: string, count: number): Promise<void> {
    await this.erasures.updateOne(
      { workspaceId, _id: contactId },
      { $set: { suppressedAddresses: count } },
    );
  }

  /** What the person's data export shows of this service: `limit` items per list at most. */
  async personData(workspaceId: string, contact: ContactDoc, limit: number) {
    const conn = this.db.connection;
    const leadIds = await this.leadIdsOf(workspaceId, contact);
    const leads: LeadDoc[] = [];
    for (const id of leadIds.slice(0, limit)) {
      const lead = await leadModel(conn).findOne({ workspaceId, _id: id }).lean<LeadDoc>();
      if (lead) leads.push(lead);
    }
    const [assessments, rankings] = await Promise.all([
      assessmentModel(conn)
        .find({ workspaceId, contactId: contact._id }, { outbox: 0 })
        .limit(limit + 1)
        .lean<AssessmentDoc[]>(),
      rankingModel(conn)
        .find({ workspaceId, contactId: contact._id }, { outbox: 0 })
        .limit(limit + 1)
        .lean<RankingDoc[]>(),
    ]);
    return { leads, assessments, rankings, leadCount: leadIds.length };
  }
}
