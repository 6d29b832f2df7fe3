import { Injectable } from '@nestjs/common';
import type {
  Communication,
  EditCommunicationInput,
  EventEnvelope,
  FieldChange,
  ListCommunicationsQuery,
  LogCommunicationInput,
  Page,
  RequestContext,
} from '@switchboard/contracts';
import { assertMayWrite } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import { RecordRefs } from '../refs/record-refs.service';
import { activityRecorded } from '../timeline/activity-recorded';
import { toCommunication } from './communication.mapper';
import type { CommunicationDoc } from './communication.schema';
import { CommunicationsRepository } from './communications.repository';

const EDITABLE = ['channel', 'direction', 'occurredAt', 'summary', 'staffId', 'sourceRef'] as const;

/**
 * The communication history: append-only. An edit writes a new entry that supersedes the
 * original (which leaves lists and timelines); a delete is soft. Every write is an event, so the
 * audit trail keeps the original, the edit and the delete.
 */
@Injectable()
export class CommunicationsService {
  constructor(
    private readonly entries: CommunicationsRepository,
    private readonly refs: RecordRefs,
  ) {}

  async log(
    ctx: RequestContext,
    contactId: string,
    input: LogCommunicationInput,
  ): Promise<Communication> {
    await this.refs.assertContact(ctx, contactId);
    const id = newId();
    const doc: CommunicationDoc = {
      _id: id,
      workspaceId: ctx.workspaceId,
      contactId,
      channel: input.channel,
      direction: input.direction,
      occurredAt: new Date(input.occurredAt),
      summary: input.summary,
      staffId: input.staffId ?? null,
      sourceRef: input.sourceRef ?? null,
      loggedBy: ctx.actor,
      ownerId: ctx.actor.type === 'user' ? ctx.actor.id : null,
      supersedes: null,
      revisionOf: `root:${id}`,
      supersededBy: null,
      deleted: false,
      deletedAt: null,
      deletedBy: null,
      version: 1,
      createdAt: new Date(),
    };
    const communication = toCommunication(doc);
    const logged = event('communication.logged', ctx, doc, { communication });
    await this.entries.insert(doc, [logged, touched(logged, doc)]);
    return communication;
  }

  async get(ctx: RequestContext, id: string): Promise<Communication> {
    return toCommunication(await this.load(ctx.workspaceId, id));
  }

  async list(
    ctx: RequestContext,
    q: ListCommunicationsQuery & { contactId: string },
  ): Promise<Page<Communication>> {
    await this.refs.assertContact(ctx, q.contactId);
    const page = await this.entries.page(ctx.workspaceId, q.contactId, {
      limit: q.limit,
      cursor: q.cursor,
      channel: q.channel,
      history: q.history === 'true',
    });
    return { items: page.items.map(toCommunication), nextCursor: page.nextCursor };
  }

  /** A new entry that supersedes `id`; only the latest version of an entry can be edited. */
  async edit(
    ctx: RequestContext,
    id: string,
    patch: EditCommunicationInput,
  ): Promise<Communication> {
    const original = await this.current(ctx, id);
    const newIdValue = newId();
    const next: CommunicationDoc = {
      ...original,
      _id: newIdValue,
      ...(patch.channel !== undefined ? { channel: patch.channel } : {}),
      ...(patch.direction !== undefined ? { direction: patch.direction } : {}),
      ...(patch.occurredAt !== undefined ? { occurredAt: new Date(patch.occurredAt) } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
      ...(patch.staffId !== undefined ? { staffId: patch.staffId } : {}),
      ...(patch.sourceRef !== undefined ? { sourceRef: patch.sourceRef } : {}),
      loggedBy: ctx.actor,
      ownerId: original.ownerId,
      supersedes: original._id,
      revisionOf: original._id,
      supersededBy: null,
      version: 1,
      createdAt: new Date(),
    };
    const before = toCommunication(original);
    const communication = toCommunication(next);
    const changes: FieldChange[] = EDITABLE.filter((f) => before[f] !== communication[f]).map(
      (field) => ({ field, from: before[field], to: communication[field] }),
    );
    if (changes.length === 0) return before;
    const data = { communication, supersedes: original._id, changes };
    const edited = event('communication.edited', ctx, next, data);
    if (!(await this.entries.insert(next, [edited, touched(edited, next)]))) {
      throw new AppError(
        'conflict',
        `communication ${id} was edited meanwhile; edit the latest version`,
      );
    }
    // The original points at its successor (lists show only the latest). The unique
    // `revisionOf` already decided the race; this write only records the link.
    for (let attempt = 0; attempt < 10; attempt++) {
      const cur = await this.load(ctx.workspaceId, id);
      if (cur.supersededBy) break;
      const linked = { ...cur, supersededBy: next._id, version: cur.version + 1 };
      if (await this.entries.replace(linked, cur.version, [])) break;
    }
    return communication;
  }

  /** Soft delete; the entry stays in the audit trail (`GET /v1/audit?targetId=`). */
  async delete(ctx: RequestContext, id: string): Promise<Communication> {
    for (let attempt = 1; ; attempt++) {
      const cur = await this.load(ctx.workspaceId, id);
      assertMayWrite(ctx, cur.ownerId, 'communication');
      if (cur.deleted) return toCommunication(cur);
      if (cur.supersededBy) throw superseded(id, cur.supersededBy);
      const next: CommunicationDoc = {
        ...cur,
        deleted: true,
        deletedAt: new Date(),
        deletedBy: ctx.actor,
        version: cur.version + 1,
      };
      const communication = toCommunication(next);
      if (
        await this.entries.replace(next, cur.version, [
          event('communication.deleted', ctx, next, { communication }),
        ])
      ) {
        return communication;
      }
      if (attempt >= 10)
        throw new AppError('version_conflict', `communication ${id} changed meanwhile`);
    }
  }

  /** The entry, if it may be edited by the caller and is its latest, undeleted version. */
  private async current(ctx: RequestContext, id: string): Promise<CommunicationDoc> {
    const cur = await this.load(ctx.workspaceId, id);
    assertMayWrite(ctx, cur.ownerId, 'communication');
    if (cur.deleted) throw new AppError('conflict', `communication ${id} is deleted`);
    if (cur.supersededBy) throw superseded(id, cur.supersededBy);
    return cur;
  }

  private async load(workspaceId: string, id: string): Promise<CommunicationDoc> {
    const doc = await this.entries.findById(workspaceId, id);
    if (!doc) throw AppError.notFound('communication', id);
    return doc;
  }
}

const superseded = (id: string, by: string) =>
  new AppError('conflict', `communication ${id} was superseded by ${by}; edit the latest version`, {
    supersededBy: by,
  });

function event(
  type: 'communication.logged' | 'communication.edited' | 'communication.deleted',
  ctx: RequestContext,
  doc: CommunicationDoc,
  data: Record<string, unknown>,
): EventEnvelope {
  return buildEvent(type, {
    workspaceId: ctx.workspaceId,
    actor: ctx.actor,
    aggregateId: doc._id,
    aggregateVersion: doc.version,
    data: data as never,
  });
}

/** A logged conversation is a touch: `activity.recorded` for its timeline entry. */
function touched(cause: EventEnvelope, doc: CommunicationDoc): EventEnvelope {
  return activityRecorded(
    { _id: `${cause.id}:contact`, workspaceId: doc.workspaceId, occurredAt: doc.occurredAt },
    {
      contactId: doc.contactId,
      activity: `communication.${doc.channel}`,
      channel: doc.channel,
      direction: doc.direction,
      touch: true,
      campaignId: null,
      messageId: null,
    },
  );
}
