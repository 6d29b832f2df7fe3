import type { Connection, Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import type { OutboxFields } from './outbox.plugin';
import { stageUpdate } from './outbox.plugin';
import { VersionGate } from './version-gate';
import { reportWriteConflict } from './write-conflicts';

/** What a versioned aggregate document carries. */
export interface VersionedDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  version: number;
}

const SETTLE_TRIES = 150;
const SETTLE_WAIT_MS = 20;
/** How long a writer that lost the gate waits for the winner's write (× SETTLE_WAIT_MS). */
const LAND_TRIES = 100;

/**
 * Optimistic concurrency on one aggregate document, with its events staged in the same write,
 * that holds on FerretDB 1.24 as on MongoDB (docs/architecture.md, "Compare-and-set"): wait
 * until the relay has taken the document's staged events (its outbox update would otherwise
 * rewrite the document over ours), pass the version gate, then write `version: expected` →
 * the new state.
 */
export class VersionedWriter<T extends VersionedDoc> {
  private readonly gate: VersionGate;

  constructor(
    private readonly model: Model<T>,
    private readonly connection: Connection,
    private readonly aggregate: string,
  ) {
    this.gate = new VersionGate(connection);
  }

  /**
   * Writes `doc` if nobody changed it since `expectedVersion` was read; false otherwise. Keys of
   * `doc` whose value is `undefined` are removed from the stored document.
   */
  async replace(doc: T, expectedVersion: number, events: EventEnvelope[]): Promise<boolean> {
    const { _id, workspaceId, outbox: _o, outboxPending: _p, ...all } = doc;
    // A key present with the value undefined is cleared: mongoose drops undefined from `$set`.
    const cleared = Object.keys(all).filter((k) => all[k as keyof typeof all] === undefined);
    const fields = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
    const unset =
      cleared.length > 0 ? { $unset: Object.fromEntries(cleared.map((k) => [k, ''])) } : {};
    // No events (e.g. a cache field kept from another service's events): nothing for the relay,
    // so the document is not marked pending and the next writer need not wait for a relay pass.
    const staged = events.length > 0 ? stageUpdate(events) : undefined;
    if (!(await this.settled(_id, workspaceId, expectedVersion))) {
      reportWriteConflict(this.connection, this.aggregate, 'settle');
      return false;
    }
    const key = `${this.aggregate}:${_id}`;
    if (!(await this.gate.pass(key, expectedVersion))) {
      // Another writer is moving this very version: let its write land, so that the caller's
      // next attempt reads the new state instead of spending its retries while it is in flight.
      await this.landed(_id, workspaceId, expectedVersion);
      reportWriteConflict(this.connection, this.aggregate, 'gate');
      return false;
    }
    try {
      const res = await this.model.updateOne(
        { _id, workspaceId, version: expectedVersion, outboxPending: false },
        {
          $set: { ...fields, ...staged?.set },
          ...(staged ? { $push: staged.push } : {}),
          ...unset,
        } as never,
      );
      if (res.matchedCount !== 1) reportWriteConflict(this.connection, this.aggregate, 'update');
      return res.matchedCount === 1;
    } finally {
      // Needed only while the update is in flight: afterwards a writer that read this version
      // fails the version filter by itself.
      await this.gate.release(key, expectedVersion);
    }
  }

  /** Waits (briefly) until the stored version is no longer `version`. */
  private async landed(_id: string, workspaceId: string, version: number): Promise<void> {
    for (let i = 0; i < LAND_TRIES; i++) {
      const cur = await this.model
        .findOne({ _id, workspaceId }, { version: 1 })
        .lean<{ version: number }>();
      if (!cur || cur.version !== version) return;
      await new Promise((r) => setTimeout(r, SETTLE_WAIT_MS));
    }
  }

  /** Waits (briefly) until the relay has taken the staged events; false if the version moved. */
  private async settled(_id: string, workspaceId: string, version: number): Promise<boolean> {
    for (let i = 0; i < SETTLE_TRIES; i++) {
      const cur = await this.model
        .findOne({ _id, workspaceId }, { version: 1, outboxPending: 1 })
        .lean<{ version: number; outboxPending?: boolean }>();
      if (!cur || cur.version !== version) return false;
      if (!cur.outboxPending) return true;
      await new Promise((r) => setTimeout(r, SETTLE_WAIT_MS));
    }
    return false;
  }
}
