import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT, isDuplicateKeyError } from '@switchboard/storage';
import { newId } from '@switchboard/messaging';
import {
  discoveryModel,
  rebuildModel,
  type ProjectionRebuildDoc,
  type RebuildDiscoveryDoc,
} from './rebuild.schema';

const DISCOVERY_ID = 'contacts';

/** Progress of profile rebuilds: per workspace, and of the discovery of workspaces. */
@Injectable()
export class RebuildRepository implements OnModuleInit {
  private readonly rebuilds: Model<ProjectionRebuildDoc>;
  private readonly discoveries: Model<RebuildDiscoveryDoc>;

  constructor(db: MongoDatabase) {
    this.rebuilds = rebuildModel(db.connection);
    this.discoveries = discoveryModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.rebuilds.init(), this.discoveries.init()]);
  }

  find(workspaceId: string): Promise<ProjectionRebuildDoc | null> {
    return this.rebuilds.findOne({ workspaceId, _id: workspaceId }).lean<ProjectionRebuildDoc>();
  }

  /** A workspace whose rebuild is unfinished (in this process or one that stopped), if any. */
  async nextRunning(skip: ReadonlySet<string>): Promise<string | null> {
    const rows = await this.rebuilds
      .find({ status: 'running' }, { _id: 1 }, { [CROSS_TENANT]: true })
      .limit(skip.size + 1)
      .lean<{ _id: string }[]>();
    return rows.find((r) => !skip.has(r._id))?._id ?? null;
  }

  private fresh(workspaceId: string, trigger: ProjectionRebuildDoc['trigger']) {
    const now = new Date();
    return {
      _id: workspaceId,
      workspaceId,
      run: newId(),
      status: 'running' as const,
      trigger,
      cursor: null,
      contacts: 0,
      pages: 0,
      startedAt: now,
      updatedAt: now,
      finishedAt: null,
    };
  }

  /** A new run from the first contact, replacing whatever ran before. */
  async restart(workspaceId: string): Promise<ProjectionRebuildDoc> {
    const doc = this.fresh(workspaceId, 'requested');
    await this.rebuilds.replaceOne({ workspaceId, _id: workspaceId }, doc, { upsert: true });
    return doc;
  }

  /** A run for a workspace the discovery found, unless one exists already. */
  async startIfAbsent(workspaceId: string): Promise<void> {
    await this.rebuilds.create([this.fresh(workspaceId, 'automatic')]).catch((err: unknown) => {
      if (!isDuplicateKeyError(err)) throw err;
    });
  }

  /**
   * Records a page read: `next` null ends the run. False when the run is no longer the one read
   * (a request restarted it meanwhile): the caller stops and reads the new run.
   */
  async advance(run: ProjectionRebuildDoc, next: string | null, read: number): Promise<boolean> {
    const now = new Date();
    const res = await this.rebuilds.updateOne(
      { workspaceId: run.workspaceId, _id: run._id, run: run.run, cursor: run.cursor },
      {
        $set: {
          cursor: next ?? run.cursor,
          contacts: run.contacts + read,
          pages: run.pages + 1,
          updatedAt: now,
          ...(next === null ? { status: 'done', finishedAt: now } : {}),
        },
      },
    );
    return res.matchedCount === 1;
  }

  discovery(): Promise<RebuildDiscoveryDoc | null> {
    return this.discoveries.findOne({ _id: DISCOVERY_ID }).lean<RebuildDiscoveryDoc>();
  }

  async startDiscovery(): Promise<void> {
    await this.discoveries
      .create([
        {
          _id: DISCOVERY_ID,
          status: 'running',
          cursor: null,
          startedAt: new Date(),
          finishedAt: null,
        },
      ])
      .catch((err: unknown) => {
        if (!isDuplicateKeyError(err)) throw err;
      });
  }

  async advanceDiscovery(next: string | null): Promise<void> {
    await this.discoveries.updateOne(
      { _id: DISCOVERY_ID },
      {
        $set: next === null ? { status: 'done', finishedAt: new Date() } : { cursor: next },
      },
    );
  }
}
