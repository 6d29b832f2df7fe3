import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Page, TimelineAnchorType } from '@switchboard/contracts';
import { MongoDatabase } from '@switchboard/runtime';
import { insertManyIfAbsent, paginate, trusted } from '@switchboard/storage';
import { anchorMergeId, anchorMergeModel, type AnchorMergeDoc } from './anchor-merge.schema';
import { timelineEntryModel, type TimelineEntryDoc } from './timeline-entry.schema';

export type AnchorRef = { type: TimelineAnchorType; id: string };

@Injectable()
export class TimelineRepository implements OnModuleInit {
  readonly model: Model<TimelineEntryDoc>;
  private readonly merges: Model<AnchorMergeDoc>;

  constructor(db: MongoDatabase) {
    this.model = timelineEntryModel(db.connection);
    this.merges = anchorMergeModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.model.init(), this.merges.init()]);
  }

  /** Inserts in one round trip; entries already there (same `_id`) are skipped. */
  insertMany(entries: TimelineEntryDoc[]): Promise<Set<string>> {
    return insertManyIfAbsent(this.model, entries);
  }

  page(
    workspaceId: string,
    anchor: AnchorRef,
    opts: { limit: number; cursor?: string; types?: string[] },
  ): Promise<Page<TimelineEntryDoc>> {
    const filter = {
      workspaceId,
      anchorType: anchor.type,
      anchorId: anchor.id,
      hidden: false,
      ...(opts.types ? { type: trusted({ $in: opts.types }) } : {}),
    };
    return paginate(this.model, filter, {
      sortField: 'occurredAt',
      direction: -1,
      limit: opts.limit,
      cursor: opts.cursor,
    });
  }

  /** Takes a note's or communication's entries off the given timelines. */
  async hide(workspaceId: string, anchors: AnchorRef[], refId: string): Promise<void> {
    for (const a of anchors) {
      await this.model.updateMany(
        { workspaceId, anchorType: a.type, anchorId: a.id, refId },
        { $set: { hidden: true } },
      );
    }
  }

  /** Survivors of the given records, for those that were merged away. */
  async survivors(workspaceId: string, anchors: AnchorRef[]): Promise<Map<string, string>> {
    const ids = [...new Set(anchors.map((a) => anchorMergeId(workspaceId, a.type, a.id)))];
    if (ids.length === 0) return new Map();
    const docs = await this.merges
      .find({ workspaceId, _id: trusted({ $in: ids }) })
      .lean<AnchorMergeDoc[]>();
    return new Map(docs.map((d) => [d._id, d.survivorId]));
  }

  /**
   * Moves a merged record's timeline to its survivor. The mapping is written first, so entries
   * recorded from now on go to the survivor; running it again finds nothing left to move.
   */
  async merge(
    workspaceId: string,
    type: TimelineAnchorType,
    duplicateId: string,
    survivorId: string,
  ) {
    const _id = anchorMergeId(workspaceId, type, duplicateId);
    await this.merges.updateOne(
      { workspaceId, _id },
      { $set: { anchorType: type, duplicateId, survivorId, at: new Date() } },
      { upsert: true },
    );
    // Records merged into the duplicate earlier now lead to the survivor too.
    await this.merges.updateMany(
      { workspaceId, anchorType: type, survivorId: duplicateId },
      { $set: { survivorId } },
    );
    await this.model.updateMany(
      { workspaceId, anchorType: type, anchorId: duplicateId },
      { $set: { anchorId: survivorId } },
    );
    if (type === 'contact') {
      await this.model.updateMany(
        { workspaceId, contactId: duplicateId },
        { $set: { contactId: survivorId } },
      );
    }
  }
}
