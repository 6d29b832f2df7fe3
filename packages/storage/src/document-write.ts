import type { Connection, Model, UpdateQuery } from 'mongoose';
import { trusted } from './connection';
import { VersionGate } from './version-gate';
import { writeStrategyOf, type WriteStrategy } from './write-strategy';

/** Where a conditional write lands: one document at the revision its writer read. */
export interface DocumentRef {
  _id: string;
  workspaceId: string;
  /** `rev` as read; undefined for a document written before revisions existed. */
  rev?: number;
}

/** The filter that matches the document only while it is still at the revision read. */
export const atRevision = ({ _id, workspaceId, rev }: DocumentRef) => ({
  _id,
  workspaceId,
  rev: rev === undefined ? trusted({ $exists: false }) : rev,
});

/**
 * One conditional update of one document, made the way the connection's strategy requires
 * (write-strategy.ts). Every write of a versioned document goes through here: the write kernel's
 * mutations and cache writes, and the outbox relay's removal of published events.
 */
export class DocumentWriter {
  readonly strategy: WriteStrategy;
  private readonly gate: VersionGate;

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model with outboxPlugin
    private readonly model: Model<any>,
    connection: Connection,
  ) {
    this.strategy = writeStrategyOf(connection);
    this.gate = new VersionGate(connection);
  }

  /**
   * Applies `update` if the document is still at `ref.rev` (and matches `also`). False when it moved on, or (FerretDB)
   * when another write of the same revision holds the gate: that write has landed when this
   * returns, so the caller's next read sees it. Nothing here waits for the relay or JetStream.
   */
  async update(
    ref: DocumentRef,
    update: UpdateQuery<unknown>,
    also: Record<string, unknown> = {},
  ): Promise<boolean> {
    const filter = { ...also, ...atRevision(ref) };
    if (this.strategy === 'mongodb') {
      const res = await this.model.updateOne(filter, update as never);
      return res.matchedCount === 1;
    }
    // FerretDB reads then writes by `_id` without a lock: the gate of this revision lets one
    // write through at a time, relay included, so none is rewritten over another.
    const key = `${this.model.collection.collectionName}:${ref._id}`;
    const version = ref.rev ?? 0;
    if (!(await this.gate.pass(key, version))) {
      await this.gate.released(key, version);
      return false;
    }
    try {
      const res = await this.model.updateOne(filter, update as never);
      return res.matchedCount === 1;
    } finally {
      await this.gate.release(key, version);
    }
  }
}
