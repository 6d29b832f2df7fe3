import type { Connection, Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { DocumentWriter } from './document-write';
import type { OutboxFields } from './outbox.plugin';
import { stageUpdate } from './outbox.plugin';
import { reportWriteConflict } from './write-conflicts';

/** What a versioned aggregate document carries. */
export interface VersionedDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  version: number;
}

/**
 * One compare-and-set of a whole aggregate document, for repositories whose service keeps its
 * own read → change → write loop (notes, communications, segment definitions, webhooks): the
 * write kernel's conditional update (DocumentWriter: `rev` compared and moved, gated on FerretDB
 * only, the relay taking the same gate), with the events staged in the same write. Like
 * VersionedStore it never waits for the relay or JetStream.
 */
export class VersionedWriter<T extends VersionedDoc> {
  private readonly writer: DocumentWriter;

  constructor(
    model: Model<T>,
    private readonly connection: Connection,
    private readonly aggregate: string,
  ) {
    this.writer = new DocumentWriter(model, connection);
  }

  /**
   * Writes `doc` if nobody changed it since it was read: `version` still `expectedVersion` and
   * `rev` still the one `doc` carries (the read's). False otherwise. Keys of `doc` whose value is
   * `undefined` are removed from the stored document.
   */
  async replace(doc: T, expectedVersion: number, events: EventEnvelope[]): Promise<boolean> {
    const { _id, workspaceId, outbox: _o, outboxPending: _p, rev, ...all } = doc;
    // A key present with the value undefined is cleared: mongoose drops undefined from `$set`.
    const cleared = Object.keys(all).filter((k) => all[k as keyof typeof all] === undefined);
    const fields = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
    const unset =
      cleared.length > 0 ? { $unset: Object.fromEntries(cleared.map((k) => [k, ''])) } : {};
    const staged = events.length > 0 ? stageUpdate(events) : undefined;
    const written = await this.writer.update(
      { _id, workspaceId, rev },
      {
        $set: { ...fields, rev: (rev ?? 0) + 1, ...staged?.set },
        ...(staged ? { $push: staged.push } : {}),
        ...unset,
      },
      { version: expectedVersion },
    );
    if (!written) reportWriteConflict(this.connection, this.aggregate, 'update');
    return written;
  }
}
