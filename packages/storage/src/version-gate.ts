import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';
import { isDuplicateKeyError } from './id-field';

interface GateDoc {
  _id: string;
  at: Date;
}

const STALE_MS = 10_000;

/**
 * Compare-and-set that also holds on FerretDB 1.24, whose updates (and findAndModify) are a
 * query followed by a write by `_id`, not atomic: two writers that both read version N could
 * both "match". Before writing version N+1 of a document, a writer inserts `<key>:<N>` here;
 * the unique `_id` lets exactly one writer per version through, and it removes the gate when
 * its update has finished. A gate left by a writer that died is taken over after STALE_MS.
 */
export class VersionGate {
  private readonly model: Model<GateDoc>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.VersionGate as Model<GateDoc> | undefined) ??
      connection.model<GateDoc>(
        'VersionGate',
        new Schema<GateDoc>(
          { _id: String, at: Date },
          { collection: 'version_gates', versionKey: false },
        ),
      );
  }

  /** True when this writer may move `key` from `version`; false when another writer did. */
  async pass(key: string, version: number): Promise<boolean> {
    const _id = `${key}:${version}`;
    try {
      await this.model.create([{ _id, at: new Date() }]);
      return true;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const held = await this.model.findOne({ _id }).lean<GateDoc>();
      if (held && Date.now() - new Date(held.at).getTime() > STALE_MS) {
        await this.model.deleteOne({ _id, at: held.at });
      }
      return false;
    }
  }

  /**
   * Waits (at most `maxMs`) until the gate is gone: its holder makes one update and drops it,
   * so a writer that lost the gate retries once that update has landed instead of spending its
   * attempts while it is in flight.
   */
  async released(key: string, version: number, maxMs = 2000): Promise<void> {
    const _id = `${key}:${version}`;
    for (const until = Date.now() + maxMs; Date.now() < until;) {
      if (!(await this.model.exists({ _id }))) return;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 10));
    }
  }

  /** Drops the gate once the guarded update has finished, so the collection stays small. */
  async release(key: string, version: number): Promise<void> {
    await this.model.deleteOne({ _id: `${key}:${version}` });
  }
}
