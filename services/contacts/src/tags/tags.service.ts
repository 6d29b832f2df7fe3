import { Injectable } from '@nestjs/common';
import {
  isSystemTag,
  type CreateTagInput,
  type MergeTagInput,
  type RequestContext,
  type TagChange,
  type TagDefinition,
  type TagOperation,
  type UpdateTagInput,
} from '@switchboard/contracts';
import { assertCapability } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { TagOperationsQueue } from './tag-operations.queue';
import { tagDefinitionId, type TagDefinitionDoc, type TagOperationDoc } from './tag.schema';
import { TagsRepository } from './tags.repository';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toTagOperation = (op: TagOperationDoc): TagOperation => ({
  id: op._id,
  kind: op.kind,
  tag: op.tag,
  into: op.into,
  status: op.status,
  changed: op.changed,
  failed: op.failed,
  createdAt: new Date(op.createdAt).toISOString(),
  completedAt: iso(op.completedAt),
});

/** `bot:` tags, by either name, need `tags.system` (decision 0127). */
function assertMayTouch(ctx: RequestContext, ...names: string[]): void {
  if (names.some(isSystemTag)) assertCapability(ctx, 'tags.system', 'changing system tags');
}

/**
 * The tag library (decision 0128): definitions with a colour, and renames, merges and deletes
 * that reach every contact through a background operation (`TagOperationRunner`). A tag exists
 * when it is defined or carried by any contact of the workspace; everything is scoped by the
 * caller's workspace, so another workspace's tag is `not_found`.
 */
@Injectable()
export class TagsService {
  constructor(
    private readonly tags: TagsRepository,
    private readonly queue: TagOperationsQueue,
  ) {}

  async create(ctx: RequestContext, input: CreateTagInput): Promise<TagDefinition> {
    assertMayTouch(ctx, input.name);
    const now = new Date();
    const doc: TagDefinitionDoc = {
      _id: tagDefinitionId(ctx.workspaceId, input.name),
      workspaceId: ctx.workspaceId,
      name: input.name,
      color: input.color ?? null,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.tags.insertDefinition(doc))) {
      throw new AppError('conflict', `tag ${input.name} exists`, { name: input.name });
    }
    return this.definition(ctx, doc.name, doc);
  }

  async get(ctx: RequestContext, name: string): Promise<TagDefinition> {
    const doc = await this.existing(ctx, name);
    return this.definition(ctx, name, doc);
  }

  /** Colour at once; a new name through a rename operation (onto a free name only). */
  async update(ctx: RequestContext, name: string, patch: UpdateTagInput): Promise<TagChange> {
    const doc = await this.existing(ctx, name);
    const renamed = patch.name !== undefined && patch.name !== name ? patch.name : null;
    assertMayTouch(ctx, name, ...(renamed ? [renamed] : []));
    const color = patch.color !== undefined ? patch.color : (doc?.color ?? null);
    if (!renamed) {
      if (doc) await this.tags.setColor(ctx.workspaceId, name, color);
      else await this.define(ctx, name, color);
      return { tag: await this.definition(ctx, name), operation: null };
    }
    if (await this.exists(ctx.workspaceId, renamed)) {
      throw new AppError('conflict', `tag ${renamed} exists: merge into it instead`, {
        name: renamed,
      });
    }
    await this.define(ctx, renamed, color);
    await this.tags.deleteDefinition(ctx.workspaceId, name);
    const operation = await this.start(ctx, 'rename', name, renamed);
    return { tag: await this.definition(ctx, renamed), operation };
  }

  async merge(ctx: RequestContext, name: string, input: MergeTagInput): Promise<TagChange> {
    if (input.into === name) {
      throw AppError.validation('a tag cannot be merged into itself', [
        { path: 'into', message: 'the same tag' },
      ]);
    }
    const doc = await this.existing(ctx, name);
    assertMayTouch(ctx, name, input.into);
    if (!(await this.tags.findDefinition(ctx.workspaceId, input.into))) {
      await this.define(ctx, input.into, doc?.color ?? null);
    }
    await this.tags.deleteDefinition(ctx.workspaceId, name);
    const operation = await this.start(ctx, 'merge', name, input.into);
    return { tag: await this.definition(ctx, input.into), operation };
  }

  async delete(ctx: RequestContext, name: string): Promise<TagChange> {
    await this.existing(ctx, name);
    assertMayTouch(ctx, name);
    await this.tags.deleteDefinition(ctx.workspaceId, name);
    const operation = (await this.tags.anyCarrying(ctx.workspaceId, name))
      ? await this.start(ctx, 'delete', name, null)
      : null;
    return { tag: null, operation };
  }

  async operation(ctx: RequestContext, id: string): Promise<TagOperation> {
    const op = await this.tags.findOperation(ctx.workspaceId, id);
    if (!op) throw AppError.notFound('tag operation', id);
    return toTagOperation(op);
  }

  private async exists(workspaceId: string, name: string): Promise<boolean> {
    return (
      (await this.tags.findDefinition(workspaceId, name)) !== null ||
      (await this.tags.anyCarrying(workspaceId, name))
    );
  }

  /** The definition (null for a tag only carried by contacts), or `not_found`. */
  private async existing(ctx: RequestContext, name: string): Promise<TagDefinitionDoc | null> {
    const doc = await this.tags.findDefinition(ctx.workspaceId, name);
    if (doc || (await this.tags.anyCarrying(ctx.workspaceId, name))) return doc;
    throw AppError.notFound('tag', name);
  }

  private async define(ctx: RequestContext, name: string, color: string | null): Promise<void> {
    const now = new Date();
    const inserted = await this.tags.insertDefinition({
      _id: tagDefinitionId(ctx.workspaceId, name),
      workspaceId: ctx.workspaceId,
      name,
      color,
      createdAt: now,
      updatedAt: now,
    });
    if (!inserted) await this.tags.setColor(ctx.workspaceId, name, color);
  }

  private async definition(
    ctx: RequestContext,
    name: string,
    known?: TagDefinitionDoc | null,
  ): Promise<TagDefinition> {
    const doc = known !== undefined ? known : await this.tags.findDefinition(ctx.workspaceId, name);
    return {
      name,
      color: doc?.color ?? null,
      system: isSystemTag(name),
      count: await this.tags.countCarrying(ctx, name),
      createdAt: iso(doc?.createdAt ?? null),
    };
  }

  private async start(
    ctx: RequestContext,
    kind: TagOperationDoc['kind'],
    tag: string,
    into: string | null,
  ): Promise<TagOperation> {
    const op: TagOperationDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      kind,
      tag,
      into,
      status: 'queued',
      changed: 0,
      failed: 0,
      caller: {
        actor: ctx.actor,
        role: ctx.role,
        capabilities: [...ctx.capabilities],
        scope: ctx.scope,
        requestId: ctx.requestId,
      },
      error: null,
      createdAt: new Date(),
      completedAt: null,
    };
    await this.tags.insertOperation(op);
    await this.queue.add({ workspaceId: ctx.workspaceId, operationId: op._id });
    return toTagOperation(op);
  }
}
