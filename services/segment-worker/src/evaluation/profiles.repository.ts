import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { MongoFilter } from '@switchboard/segment-dsl';
import { profileGateKey, profileModel, type ProfileDoc } from '@switchboard/segment-store';
import { MongoDatabase } from '@switchboard/runtime';
import { VersionGate, trusted } from '@switchboard/storage';

/** What evaluation reads of a profile (everything but the idempotency ledger). */
const READ = { activitySeen: 0 } as const;

/** A cursor over profiles (closed by the reader when it stops early). */
export type ProfileStream = AsyncIterable<ProfileDoc> & { close(): Promise<void> };

export interface RevRef {
  id: string;
  rev: number;
}

/**
 * The worker's side of `profiles`: it reads them whole and writes only `segments`, each write a
 * compare-and-set on `rev` behind the version gate `profile:<id>` (the projection's writes pass
 * the same gate, so neither overwrites the other on FerretDB, decision 25).
 */
@Injectable()
export class ProfilesRepository {
  readonly model: Model<ProfileDoc>;
  private readonly gate: VersionGate;
  private readonly gates: Model<{ _id: string; at: Date }>;

  constructor(db: MongoDatabase) {
    this.model = profileModel(db.connection);
    this.gate = new VersionGate(db.connection);
    this.gates = db.connection.models.VersionGate as Model<{ _id: string; at: Date }>;
  }

  get(workspaceId: string, contactId: string): Promise<ProfileDoc | null> {
    return this.model.findOne({ workspaceId, _id: contactId }, READ).lean<ProfileDoc>();
  }

  byIds(workspaceId: string, ids: string[]): Promise<ProfileDoc[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model.find({ workspaceId, _id: trusted({ $in: ids }) }, READ).lean<ProfileDoc[]>();
  }

  async rev(workspaceId: string, contactId: string): Promise<number | null> {
    const row = await this.model
      .findOne({ workspaceId, _id: contactId }, { rev: 1 })
      .lean<{ rev: number }>();
    return row?.rev ?? null;
  }

  /**
   * The workspace's profiles after `after` in `_id` order, narrowed by a compiled prefilter: one
   * cursor read in batches (FerretDB sorts once per cursor, not once per page).
   */
  stream(
    workspaceId: string,
    after: string | null,
    prefilter: MongoFilter | undefined,
    batch: number,
  ): ProfileStream {
    const parts: Record<string, unknown>[] = [];
    if (after !== null) parts.push({ _id: { $gt: after } });
    if (prefilter) parts.push(prefilter);
    // The compiled filter is a driver-level query over the stored shape: it goes to the driver
    // as it is (mongoose would cast its operators against the schema); scoped by workspace here.
    const filter = parts.length > 0 ? { workspaceId, $and: parts } : { workspaceId };
    return this.model.collection
      .find<ProfileDoc>(filter as never, { projection: READ })
      .sort({ _id: 1 })
      .batchSize(batch);
  }

  /** Writes `segments` if the profile is still at `rev`; false when another writer moved it. */
  async setSegments(
    workspaceId: string,
    contactId: string,
    rev: number,
    segments: string[],
  ): Promise<boolean> {
    const key = profileGateKey(contactId);
    if (!(await this.gate.pass(key, rev))) return false;
    try {
      const res = await this.model.updateOne(
        { _id: contactId, workspaceId, rev },
        { $set: { segments, rev: rev + 1 } },
      );
      return res.matchedCount === 1;
    } finally {
      await this.gate.release(key, rev);
    }
  }

  /**
   * Adds `segmentId` to (or removes it from) many profiles in two multi-document updates, for
   * the profiles still at the `rev` read and whose gate this writer holds; returns the ones left
   * for a one-by-one write (moved meanwhile, or gated by another writer). One update per
   * thousand profiles instead of a thousand: FerretDB 1.24 runs each filtered update as a scan.
   */
  async addRemoveBulk(
    workspaceId: string,
    segmentId: string,
    adds: RevRef[],
    removes: RevRef[],
  ): Promise<RevRef[]> {
    const all = [...adds, ...removes];
    if (all.length === 0) return [];
    const gateIds = all.map((r) => `${profileGateKey(r.id)}:${r.rev}`);
    const now = new Date();
    let held = new Set<string>();
    try {
      await this.gates.collection.insertMany(gateIds.map((_id) => ({ _id, at: now })) as never[], {
        ordered: false,
      });
      held = new Set(gateIds);
    } catch (err) {
      const e = err as { writeErrors?: { index: number }[] | { index: number } };
      const failed = Array.isArray(e.writeErrors)
        ? e.writeErrors
        : e.writeErrors
          ? [e.writeErrors]
          : null;
      if (!failed) throw err;
      const skip = new Set(failed.map((w) => w.index));
      held = new Set(gateIds.filter((_, i) => !skip.has(i)));
    }
    try {
      const gated = all.filter((r) => held.has(`${profileGateKey(r.id)}:${r.rev}`));
      const current = await this.model
        .find({ workspaceId, _id: trusted({ $in: gated.map((r) => r.id) }) }, { rev: 1 })
        .lean<{ _id: string; rev: number }[]>();
      const revs = new Map(current.map((c) => [c._id, c.rev]));
      const safe = new Set(gated.filter((r) => revs.get(r.id) === r.rev).map((r) => r.id));
      const addIds = adds.filter((r) => safe.has(r.id)).map((r) => r.id);
      const removeIds = removes.filter((r) => safe.has(r.id)).map((r) => r.id);
      if (addIds.length > 0) {
        await this.model.updateMany(
          { workspaceId, _id: trusted({ $in: addIds }) },
          { $addToSet: { segments: segmentId }, $inc: { rev: 1 } },
        );
      }
      if (removeIds.length > 0) {
        await this.model.updateMany(
          { workspaceId, _id: trusted({ $in: removeIds }) },
          { $pullAll: { segments: [segmentId] }, $inc: { rev: 1 } },
        );
      }
      return all.filter((r) => !safe.has(r.id));
    } finally {
      if (held.size > 0) await this.gates.deleteMany({ _id: trusted({ $in: [...held] }) });
    }
  }
}
