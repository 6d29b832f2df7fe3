import type { Connection, Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { DocumentWriter } from './document-write';
import { reportWriteConflict } from './write-conflicts';
import type { OutboxFields } from './outbox.plugin';
import { stage, stageUpdate } from './outbox.plugin';

/** What a versioned aggregate document carries. */
export interface VersionedDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  /** The user-visible version (ETag, `If-Match`, events' aggregate version). */
  version: number;
  /** Every write's revision, caches included: what the compare-and-set compares. Internal. */
  rev?: number;
}

/** The next state (with its `version` moved by the caller) and the events it emits. */
export type Change<T> = {
  next: T;
  events: EventEnvelope[] | ((next: T) => EventEnvelope[]);
} | null;

export interface MutateOptions {
  /** `If-Match`: the write is refused with `version_conflict` once `version` moved past it. */
  expectedVersion?: number;
}

export interface VersionedStoreOptions<T> {
  /** Names the aggregate in errors (`contact 123 not found`). */
  entity: string;
  /**
   * Fields kept from other services' events (`segmentIds`, `lastTouchAt`): written by
   * `mutateCache` only, which never moves `version`, so a client's `If-Match` and ETag do not see
   * them change.
   */
  cacheFields?: readonly (keyof T & string)[];
  /** Attempts of one mutation before it reports `version_conflict` (default 20). */
  maxAttempts?: number;
}

/** Who relays staged events: nudged after each write that staged some. */
export interface RelayKick {
  kick(): void;
}

/** A short random pause after a lost compare-and-set, so contenders do not retry in lockstep. */
const backOff = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * attempt)));

const HIDDEN = { outbox: 0, outboxPending: 0 } as const;
const KERNEL_FIELDS = new Set(['_id', 'workspaceId', 'outbox', 'outboxPending', 'rev']);

/**
 * The write kernel: every versioned aggregate of every service is created, loaded and changed
 * through one of these (docs/architecture.md, "Writes"). A mutation reads the document, asks the
 * caller's pure `change` for the next state and its events, and writes both in one conditional
 * update on `rev` (events pushed onto the document's outbox); when another write came first it
 * reads again, up to `maxAttempts`. No writer waits for the outbox relay or for JetStream.
 */
export class VersionedStore<T extends VersionedDoc> {
  private readonly writer: DocumentWriter;
  private readonly maxAttempts: number;
  private readonly cacheFields: ReadonlySet<string>;
  private relay: RelayKick = { kick: () => undefined };

  constructor(
    private readonly model: Model<T>,
    private readonly connection: Connection,
    private readonly options: VersionedStoreOptions<T>,
  ) {
    this.writer = new DocumentWriter(model, connection);
    this.maxAttempts = options.maxAttempts ?? 20;
    this.cacheFields = new Set(options.cacheFields ?? []);
  }

  /** The relay to nudge after writes that stage events (set once it has started). */
  relayWith(relay: RelayKick): void {
    this.relay = relay;
  }

  load(workspaceId: string, id: string): Promise<T | null> {
    return this.model.findOne({ workspaceId, _id: id }, HIDDEN).lean<T>().exec();
  }

  /** Inserts a new aggregate with its events. Errors (a duplicate key) reach the caller. */
  async create(doc: Omit<T, 'outbox' | 'outboxPending' | 'rev'>, events: EventEnvelope[]) {
    const row = { ...doc, rev: 1, outbox: events.map(stage), outboxPending: events.length > 0 };
    // Mongoose 9's create() types cannot see that Omit<T, …> plus those fields is a Partial<T>.
    await this.model.create([row as unknown as Partial<T>]);
    if (events.length > 0) this.relay.kick();
  }

  /**
   * Read, change, compare-and-set, retried when another write came first. `change` returns null
   * for "nothing to do" (the document is answered as it is). With `expectedVersion` a document
   * whose `version` moved is `version_conflict {currentVersion}`; a cache write or the relay
   * meanwhile only cause a retry.
   */
  async mutate(
    workspaceId: string,
    id: string,
    change: (current: T) => Change<T> | Promise<Change<T>>,
    options: MutateOptions = {},
  ): Promise<{ doc: T; changed: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.loadOrFail(workspaceId, id);
      const { expectedVersion } = options;
      if (expectedVersion !== undefined && current.version !== expectedVersion) {
        throw new AppError(
          'version_conflict',
          `${this.options.entity} ${id} is at version ${current.version}, not ${expectedVersion}`,
          { currentVersion: current.version },
        );
      }
      const result = await change(current);
      if (!result) return { doc: current, changed: false };
      const next = { ...result.next, rev: (current.rev ?? 0) + 1 };
      const events = typeof result.events === 'function' ? result.events(next) : result.events;
      if (await this.writer.update(current, this.updateOf(next, events))) {
        if (events.length > 0) this.relay.kick();
        return { doc: next, changed: true };
      }
      reportWriteConflict(this.connection, this.options.entity, 'update');
      if (attempt >= this.maxAttempts) throw this.conflict(id);
      await backOff(attempt);
    }
  }

  /**
   * Writes cache fields only (`cacheFields`), from a pure `change` that answers the fields to set
   * or null. `version` does not move and no event is staged: the fact is another service's.
   */
  async mutateCache(
    workspaceId: string,
    id: string,
    change: (current: T) => Partial<T> | null,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.loadOrFail(workspaceId, id);
      const fields = change(current);
      if (!fields) return false;
      const stray = Object.keys(fields).filter((k) => !this.cacheFields.has(k));
      if (stray.length > 0)
        throw new Error(`not cache fields of ${this.options.entity}: ${stray.join(', ')}`);
      const rev = (current.rev ?? 0) + 1;
      if (await this.writer.update(current, { $set: { ...fields, rev } })) return true;
      reportWriteConflict(this.connection, this.options.entity, 'update');
      if (attempt >= this.maxAttempts) throw this.conflict(id);
      await backOff(attempt);
    }
  }

  private async loadOrFail(workspaceId: string, id: string): Promise<T> {
    const doc = await this.load(workspaceId, id);
    if (!doc) throw AppError.notFound(this.options.entity, id);
    return doc;
  }

  /** `$set` of the whole next state; a key present as `undefined` is removed (`$unset`). */
  private updateOf(next: T, events: EventEnvelope[]) {
    const set: Record<string, unknown> = { rev: next.rev };
    const unset: Record<string, ''> = {};
    for (const [k, v] of Object.entries(next)) {
      if (KERNEL_FIELDS.has(k)) continue;
      if (v === undefined) unset[k] = '';
      else set[k] = v;
    }
    const staged = events.length > 0 ? stageUpdate(events) : undefined;
    return {
      $set: { ...set, ...staged?.set },
      ...(staged ? { $push: staged.push } : {}),
      ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
    };
  }

  private conflict(id: string): AppError {
    return new AppError(
      'version_conflict',
      `${this.options.entity} ${id} changed meanwhile; reload and retry`,
    );
  }
}
