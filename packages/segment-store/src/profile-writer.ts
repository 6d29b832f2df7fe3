import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, VersionGate } from '@switchboard/storage';
import { profileGateKey } from './profile-gate';
import { profileModel, type ProfileDoc } from './profile.schema';

/** What a writer changes on a profile: any stored field except the keys and `rev`. */
export type ProfileChange = Partial<Omit<ProfileDoc, '_id' | 'workspaceId' | 'contactId' | 'rev'>>;

/** The outcome of `ProfileWriter.update`: the profile as written (or as found, unchanged). */
export interface ProfileUpdate {
  changed: boolean;
  profile: ProfileDoc | null;
}

const ATTEMPTS = 50;

/**
 * A profile id (a contact id) already stored for another workspace: contact ids are unique
 * across workspaces, so an event naming one under another workspace is not to be applied.
 */
export class ProfileOfAnotherWorkspace extends Error {
  constructor(
    readonly workspaceId: string,
    readonly contactId: string,
  ) {
    super(`contact ${contactId} is not a contact of workspace ${workspaceId}`);
    this.name = 'ProfileOfAnotherWorkspace';
  }
}

/** A profile that does not exist yet: only its keys, everything else at the schema's defaults. */
export function emptyProfile(workspaceId: string, contactId: string): ProfileDoc {
  return {
    _id: contactId,
    workspaceId,
    contactId,
    version: 0,
    rev: 0,
    channels: [],
    tags: [],
    custom: {},
    fit: {},
    fitAt: {},
    activity: {},
    activitySeen: [],
    mergedFrom: [],
    segments: [],
    mergedInto: null,
  };
}

/**
 * Every write of a profile, by any of its writers (the projection's attributes and counters, the
 * worker's `segments`), is a compare-and-set on `rev` that also holds on FerretDB 1.24 (whose
 * updates are a read then a write by `_id`, docs/architecture.md decision 25): the writer passes
 * the `VersionGate` key `profile:<contactId>` at the `rev` it read, then writes `rev + 1` with a
 * filter on the `rev` it read. `update` retries on a lost race with the profile read again, so a
 * change function sees the latest state and must be a pure function of it.
 */
export class ProfileWriter {
  readonly model: Model<ProfileDoc>;
  private readonly gate: VersionGate;

  constructor(connection: Connection) {
    this.model = profileModel(connection);
    this.gate = new VersionGate(connection);
  }

  read(workspaceId: string, contactId: string): Promise<ProfileDoc | null> {
    return this.model.findOne({ workspaceId, _id: contactId }).lean<ProfileDoc>().exec();
  }

  /**
   * Applies `change` to the current profile (or to `emptyProfile` when there is none) until the
   * write wins; `change` returns null when there is nothing to write.
   */
  async update(
    workspaceId: string,
    contactId: string,
    change: (current: ProfileDoc, exists: boolean) => ProfileChange | null,
  ): Promise<ProfileUpdate> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const stored = await this.read(workspaceId, contactId);
      const current = stored ?? emptyProfile(workspaceId, contactId);
      const next = change(current, stored !== null);
      if (!next) return { changed: false, profile: stored };
      const written = { ...current, ...next, rev: current.rev + 1 };
      const ok = stored ? await this.replace(written, current.rev) : await this.insert(written);
      if (ok) return { changed: true, profile: written };
      if (!stored && !(await this.read(workspaceId, contactId))) {
        throw new ProfileOfAnotherWorkspace(workspaceId, contactId);
      }
      await new Promise((r) => setTimeout(r, Math.min(200, 5 * 2 ** Math.min(attempt, 5))));
    }
    throw new Error(`profile ${contactId}: no write won after ${ATTEMPTS} attempts`);
  }

  /** Inserts a new profile; false when another writer created it first. */
  async insert(doc: ProfileDoc): Promise<boolean> {
    try {
      await this.model.create([doc]);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  /** Writes `doc` (whose `rev` is `expectedRev + 1`) if the stored `rev` is still `expectedRev`. */
  async replace(doc: ProfileDoc, expectedRev: number): Promise<boolean> {
    const { _id, workspaceId, contactId: _c, ...fields } = doc;
    const key = profileGateKey(_id);
    if (!(await this.gate.pass(key, expectedRev))) return false;
    try {
      const res = await this.model.updateOne(
        { _id, workspaceId, rev: expectedRev },
        { $set: { ...fields, rev: expectedRev + 1 } },
      );
      return res.matchedCount === 1;
    } finally {
      await this.gate.release(key, expectedRev);
    }
  }
}
