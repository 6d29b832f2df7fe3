import { Schema, type Connection, type Model } from 'mongoose';
import type { Actor, OwnershipScope } from '@switchboard/contracts';
import { idField, tenantGuard } from '@switchboard/storage';

/**
 * A tag the library defines (`tag_definitions`): its colour and when it was defined. `_id` is
 * `<workspaceId>:<name>`, so one definition per name holds under concurrent writers without a
 * unique index. Contacts carry tags as plain strings; a tag need not be defined to be used.
 */
export interface TagDefinitionDoc {
  _id: string;
  workspaceId: string;
  name: string;
  color: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const TagDefinitionSchema = new Schema<TagDefinitionDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    name: { type: String, required: true },
    color: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'tag_definitions', versionKey: false, minimize: false },
);
TagDefinitionSchema.plugin(tenantGuard);
TagDefinitionSchema.index({ workspaceId: 1, name: 1 });

export const tagDefinitionId = (workspaceId: string, name: string) => `${workspaceId}:${name}`;

/** Who started a tag operation: the job acts with the caller's rights. */
export interface TagOperationCaller {
  actor: Actor;
  role: string;
  capabilities: string[];
  scope: OwnershipScope;
  requestId: string;
}

/** A rename, merge or delete of a tag across contacts (`tag_operations`), run by a BullMQ job. */
export interface TagOperationDoc {
  _id: string;
  workspaceId: string;
  kind: 'rename' | 'merge' | 'delete';
  tag: string;
  into: string | null;
  status: 'queued' | 'running' | 'completed' | 'failed';
  changed: number;
  failed: number;
  caller: TagOperationCaller;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

const TagOperationSchema = new Schema<TagOperationDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    kind: { type: String, required: true },
    tag: { type: String, required: true },
    into: { type: String, default: null },
    status: { type: String, required: true },
    changed: { type: Number, default: 0 },
    failed: { type: Number, default: 0 },
    caller: { type: Schema.Types.Mixed, required: true },
    error: { type: String, default: null },
    createdAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { collection: 'tag_operations', versionKey: false, minimize: false },
);
TagOperationSchema.plugin(tenantGuard);
TagOperationSchema.index({ status: 1 });

export const tagDefinitionModel = (connection: Connection): Model<TagDefinitionDoc> =>
  connection.model<TagDefinitionDoc>('TagDefinition', TagDefinitionSchema);

export const tagOperationModel = (connection: Connection): Model<TagOperationDoc> =>
  connection.model<TagOperationDoc>('TagOperation', TagOperationSchema);
