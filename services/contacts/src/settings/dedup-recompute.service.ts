import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { DedupClash, DedupRule } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT, isDuplicateKeyError, trusted } from '@switchboard/storage';
import { dedupKeyOf } from '../contacts/contact-normalizer';
import type { ContactDoc } from '../contacts/contact.schema';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ContactsService } from '../contacts/contacts.service';
import { ContactSettingsRepository } from './contact-settings.repository';
import { dedupRecomputeModel, type DedupRecomputeDoc } from './dedup-recompute.schema';

const BATCH = 200;
/** Clashes kept on the progress document (all of them are logged). */
const CLASHES_KEPT = 100;

/** The unique key a contact keeps when another contact holds its key under the new rule. */
export const clashKey = (contactId: string) => `clash:${contactId}`;

/**
 * Keys the rule decides. Others are kept: a merged duplicate's `merged:<id>` released its key
 * to the survivor and must not take it back.
 */
const RULE_KEY = /^(email|phone|none|clash):/;

/**
 * Recomputes every contact's dedup key after the workspace changed its rule, in the background:
 * contacts in `_id` order, a batch at a time, each key change through `ContactsService.mutate`
 * (version-checked; no event, the contact's data is unchanged). A contact whose new key another
 * contact already holds keeps the unique fallback `clash:<id>` and is reported (first 100 on the
 * progress document, all in the log): the two are candidates for a merge. Progress (`lastId`)
 * is saved per batch, and unfinished passes resume when the service starts. A newer rule change
 * (higher generation) stops an older pass.
 */
@Injectable()
export class DedupRecomputeService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(DedupRecomputeService.name);
  readonly model: Model<DedupRecomputeDoc>;
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    db: MongoDatabase,
    private readonly settings: ContactSettingsRepository,
    private readonly contactsRepo: ContactsRepository,
    private readonly contacts: ContactsService,
  ) {
    this.model = dedupRecomputeModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  onApplicationBootstrap(): void {
    void this.resumeUnfinished();
  }

  find(workspaceId: string): Promise<DedupRecomputeDoc | null> {
    return this.model.findOne({ workspaceId, _id: workspaceId }).lean<DedupRecomputeDoc>();
  }

  /** Records a new pass for the generation (replacing the last one) and runs it. */
  async start(workspaceId: string, rule: DedupRule, generation: number): Promise<void> {
    const doc: DedupRecomputeDoc = {
      _id: workspaceId,
      workspaceId,
      rule,
      generation,
      state: 'running',
      startedAt: new Date(),
      finishedAt: null,
      lastId: null,
      rekeyed: 0,
      clashCount: 0,
      clashes: [],
    };
    // Only a newer generation replaces the record (two quick changes may race to here).
    await this.model.deleteOne({
      workspaceId,
      _id: workspaceId,
      generation: trusted({ $lt: generation }),
    });
    await this.model.create([doc]).catch((err: unknown) => {
      if (!isDuplicateKeyError(err)) throw err;
    });
    this.launch(workspaceId);
  }

  /** Resolves when the workspace's current pass (if any) has finished in this process. */
  async settled(workspaceId: string): Promise<void> {
    await this.running.get(workspaceId);
  }

  private async resumeUnfinished(): Promise<void> {
    const unfinished = await this.model
      .find({ state: 'running' }, { _id: 1 }, { [CROSS_TENANT]: true })
      .lean<{ _id: string }[]>();
    for (const { _id } of unfinished) this.launch(_id);
  }

  private launch(workspaceId: string): void {
    const previous = this.running.get(workspaceId) ?? Promise.resolve();
    const next = previous
      .then(() => this.run(workspaceId))
      .catch((err: unknown) =>
        this.logger.error({ err, workspaceId }, 'dedup key recomputation failed; resumes at start'),
      );
    this.running.set(workspaceId, next);
  }

  private async run(workspaceId: string): Promise<void> {
    for (;;) {
      const pass = await this.find(workspaceId);
      if (!pass || pass.state !== 'running') return;
      const settings = await this.settings.find(workspaceId);
      if ((settings?.dedupGeneration ?? 0) !== pass.generation) return; // a newer pass runs
      const rows = await this.contactsRepo.model
        .find(
          { workspaceId, ...(pass.lastId ? { _id: trusted({ $gt: pass.lastId }) } : {}) },
          { _id: 1, channels: 1, dedupKey: 1 },
        )
        .sort({ _id: 1 })
        .limit(BATCH)
        .lean<Pick<ContactDoc, '_id' | 'channels' | 'dedupKey'>[]>();
      let rekeyed = 0;
      const clashes: DedupClash[] = [];
      for (const row of rows) {
        const outcome = await this.rekey(workspaceId, row._id, pass.rule);
        if (outcome === 'rekeyed') rekeyed++;
        else if (outcome !== 'unchanged') clashes.push(outcome);
      }
      const done = rows.length < BATCH;
      await this.model.updateOne(
        { workspaceId, _id: workspaceId, generation: pass.generation },
        {
          $set: {
            lastId: rows.at(-1)?._id ?? pass.lastId,
            rekeyed: pass.rekeyed + rekeyed,
            clashCount: pass.clashCount + clashes.length,
            clashes: [...pass.clashes, ...clashes].slice(0, CLASHES_KEPT),
            ...(done ? { state: 'done', finishedAt: new Date() } : {}),
          },
        },
      );
      if (done) {
        this.logger.log(
          { workspaceId, rule: pass.rule, rekeyed: pass.rekeyed + rekeyed },
          'dedup keys recomputed',
        );
        return;
      }
    }
  }

  /** Gives one contact its key under `rule`; a clash when another contact holds that key. */
  private async rekey(
    workspaceId: string,
    id: string,
    rule: DedupRule,
  ): Promise<'rekeyed' | 'unchanged' | DedupClash> {
    let target: string | undefined;
    let changed = false;
    const write = (key: (doc: ContactDoc) => string) =>
      this.contacts.mutate(workspaceId, id, (doc) => {
        target = RULE_KEY.test(doc.dedupKey) ? key(doc) : doc.dedupKey;
        changed = doc.dedupKey !== target;
        if (!changed) return null;
        return { next: { ...doc, dedupKey: target, version: doc.version + 1 }, events: () => [] };
      });
    try {
      await write((doc) => dedupKeyOf(doc.channels, doc._id, rule));
      return changed ? 'rekeyed' : 'unchanged';
    } catch (err) {
      const code = AppError.from(err).code;
      if (code === 'not_found') return 'unchanged';
      // The new key is taken (the repository answers duplicate_contact, or a raw E11000).
      if ((code !== 'duplicate_contact' && !isDuplicateKeyError(err)) || !target) throw err;
      const holder = await this.contactsRepo.model
        .findOne({ workspaceId, dedupKey: target }, { _id: 1 })
        .lean<{ _id: string }>();
      await write((doc) =>
        doc.dedupKey.startsWith(`${rule}:`) ? doc.dedupKey : clashKey(doc._id),
      );
      const clash = { contactId: id, duplicateOf: holder?._id ?? 'unknown' };
      this.logger.warn({ workspaceId, rule, ...clash }, 'dedup key clash: fallback key kept');
      return clash;
    }
  }
}
