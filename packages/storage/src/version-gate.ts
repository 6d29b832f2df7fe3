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

  /** Drops the gate once the guarded update has finished, so the collection stays small. */
  async release(key: string, version: number): Promise<void> {
    await this.model.deleteOne({ _id: `${key}:${version}` });
  }
}
