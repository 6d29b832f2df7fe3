import { Schema, type Connection, type Model } from 'mongoose';
import type { ProjectionRebuildStatus } from '@switchboard/contracts';
import { tenantGuard } from '@switchboard/storage';

/** One workspace's rebuild of its profiles from the contacts service (decision 0085). */
export interface ProjectionRebuildDoc {
  /** The workspace id: one rebuild per workspace at a time. */
  _id: string;
  workspaceId: string;
  /** Id of this run: a new request starts a new run, and the old one's progress is discarded. */
  run: string;
  status: ProjectionRebuildStatus;
  trigger: 'automatic' | 'requested';
  /** The last contact id read (the snapshot pages' keyset); null before the first page. */
  cursor: string | null;
  contacts: number;
  pages: number;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/**
 * Which workspaces an automatic rebuild covers, learned from the contacts service page by page
 * (`rpc.contacts.snapshots.workspaces`); one document, `_id: 'contacts'`. Its absence with an
 * empty `profiles` collection at boot is what starts an automatic rebuild.
 */
export interface RebuildDiscoveryDoc {
  _id: string;
  status: ProjectionRebuildStatus;
  cursor: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const RebuildSchema = new Schema<ProjectionRebuildDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    run: { type: String, required: true },
    status: { type: String, required: true },
    trigger: { type: String, required: true },
    cursor: { type: String, default: null },
    contacts: { type: Number, default: 0 },
    pages: { type: Number, default: 0 },
    startedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'projection_rebuilds', versionKey: false, minimize: false },
);
RebuildSchema.plugin(tenantGuard);
RebuildSchema.index({ workspaceId: 1, status: 1 });

const DiscoverySchema = new Schema<RebuildDiscoveryDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    cursor: { type: String, default: null },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'projection_rebuild_discovery', versionKey: false, minimize: false },
);

export const rebuildModel = (connection: Connection): Model<ProjectionRebuildDoc> =>
  connection.model<ProjectionRebuildDoc>('ProjectionRebuild', RebuildSchema);
export const discoveryModel = (connection: Connection): Model<RebuildDiscoveryDoc> =>
  connection.model<RebuildDiscoveryDoc>('RebuildDiscovery', DiscoverySchema);
