import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ProjectionRebuild, RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { CONFIG, Lifecycle } from '@switchboard/runtime';
import type { SegmentsConfig } from '../config';
import { ContactSnapshotsClient } from './contact-snapshots.client';
import { ProjectionRepository } from './projection.repository';
import { ProjectionService } from './projection.service';
import { RebuildRepository } from './rebuild.repository';
import type { ProjectionRebuildDoc } from './rebuild.schema';

/** Back-off after a failed page (the contacts service away, the database down), doubling. */
const RETRY_MS = [500, 2_000, 5_000, 15_000, 30_000];
/** How often an idle loop looks for runs left unfinished by another replica. */
const IDLE_MS = 60_000;

export const toProjectionRebuild = (doc: ProjectionRebuildDoc): ProjectionRebuild => ({
  workspaceId: doc.workspaceId,
  status: doc.status,
  trigger: doc.trigger,
  contacts: doc.contacts,
  pages: doc.pages,
  startedAt: new Date(doc.startedAt).toISOString(),
  finishedAt: doc.finishedAt ? new Date(doc.finishedAt).toISOString() : null,
});

/**
 * Rebuilds profiles from the contacts service without the event stream (decision 0085): pages
 * of contact snapshots (`rpc.contacts.snapshots.page`) go through the projection's own
 * version-gated write, so the backfill and live events converge on the latest version whatever
 * their order. Progress is saved per page and resumed at boot. Started automatically when the
 * `profiles` collection is empty at boot (every workspace holding contacts, learned from
 * `rpc.contacts.snapshots.workspaces`), and on request for one workspace (the admin route).
 */
@Injectable()
export class ProjectionRebuildService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProjectionRebuildService.name);
  private stopping = false;
  private loop?: Promise<void>;
  private wake: () => void = () => undefined;

  constructor(
    private readonly rebuilds: RebuildRepository,
    private readonly profiles: ProjectionRepository,
    private readonly projection: ProjectionService,
    private readonly contacts: ContactSnapshotsClient,
    @Inject(CONFIG) private readonly config: SegmentsConfig,
    private readonly lifecycle: Lifecycle,
  ) {}

  /**
   * Called before the projection's consumers start (a live event would make the collection
   * non-empty): an empty projection with no discovery recorded gets one.
   */
  async prepare(): Promise<void> {
    if (!this.config.PROJECTION_REBUILD_AUTO) return;
    if ((await this.rebuilds.discovery()) || !(await this.profiles.isEmpty())) return;
    this.logger.log('the profiles are empty: rebuilding them from the contacts service');
    await this.rebuilds.startDiscovery();
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
    // Stops taking pages before the connections close; the page in hand is finished and saved.
    this.lifecycle.onStop(1, 'projection-rebuild', async () => {
      this.stopping = true;
      this.wake();
      await this.loop;
    });
  }

  /** `POST /v1/admin/projections/segments/rebuild`: the caller's workspace, from scratch. */
  async request(ctx: RequestContext): Promise<ProjectionRebuild> {
    if (ctx.role !== 'owner') {
      throw new AppError('forbidden', 'only an owner rebuilds the segment profiles');
    }
    const doc = await this.rebuilds.restart(ctx.workspaceId);
    this.wake();
    return toProjectionRebuild(doc);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.discover();
        const workspaceId = await this.rebuilds.nextRunning(new Set());
        if (workspaceId) await this.backfill(workspaceId);
        else await this.idle(IDLE_MS);
        failures = 0;
      } catch (err) {
        const wait = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)];
        this.logger.warn({ err, retryInMs: wait }, 'profile rebuild failed; it resumes');
        await this.idle(wait);
      }
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Pages the workspaces holding contacts into runs of their own (each resumable). */
  private async discover(): Promise<void> {
    let d = await this.rebuilds.discovery();
    while (d?.status === 'running' && !this.stopping) {
      const page = await this.contacts.workspaces(d.cursor);
      for (const workspaceId of page.items) await this.rebuilds.startIfAbsent(workspaceId);
      await this.rebuilds.advanceDiscovery(page.nextCursor);
      d = await this.rebuilds.discovery();
    }
  }

  private async backfill(workspaceId: string): Promise<void> {
    while (!this.stopping) {
      const run = await this.rebuilds.find(workspaceId);
      if (!run || run.status !== 'running') return;
      const page = await this.contacts.page(
        workspaceId,
        run.cursor,
        this.config.PROJECTION_REBUILD_PAGE_SIZE,
      );
      await this.projection.applySnapshots(workspaceId, page.items);
      if (await this.rebuilds.advance(run, page.nextCursor, page.items.length)) {
        if (page.nextCursor === null) {
          this.logger.log(
            { workspaceId, contacts: run.contacts + page.items.length },
            'profiles rebuilt',
          );
        }
      }
    }
  }
}
