import { Injectable } from '@nestjs/common';
import {
  EVENT_CATALOG,
  MESSAGING_EVENT_TYPES,
  type EventEnvelope,
  type Page,
  type RequestContext,
  type TimelineAnchorType,
  type TimelineEntry,
} from '@switchboard/contracts';
import { anchorMergeId } from './anchor-merge.schema';
import { describeEvent } from './timeline-details';
import { entriesFromEvent, toTimelineEntry } from './timeline-entry.mapper';
import type { TimelineEntryDoc } from './timeline-entry.schema';
import { TimelineRepository, type AnchorRef } from './timeline.repository';

/** Entry types a `types=` filter can name by family (`email.*`, `deal.*`). */
const KNOWN_TYPES = [...Object.keys(EVENT_CATALOG), ...MESSAGING_EVENT_TYPES];

type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (v && typeof v === 'object' ? (v as Data) : {});

@Injectable()
export class TimelineService {
  constructor(private readonly timeline: TimelineRepository) {}

  /**
   * Records domain events on the timelines they concern (idempotent: ids derive from the event),
   * then applies what some of them do to existing entries: merges move a timeline, deleted or
   * superseded notes and communications leave it.
   */
  async recordEvents(events: EventEnvelope[]): Promise<void> {
    const entries = events.flatMap((e) => {
      const facts = describeEvent(e);
      return facts ? entriesFromEvent(e, facts) : [];
    });
    await this.insert(entries);
    for (const event of events) await this.applyEffects(event);
  }

  /** Inserts entries (from events or inbound messages), re-anchored to merge survivors. */
  async insert(entries: TimelineEntryDoc[]): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const byWorkspace = new Map<string, TimelineEntryDoc[]>();
    for (const e of entries) {
      const list = byWorkspace.get(e.workspaceId);
      if (list) list.push(e);
      else byWorkspace.set(e.workspaceId, [e]);
    }
    for (const [workspaceId, list] of byWorkspace) {
      const survivors = await this.timeline.survivors(
        workspaceId,
        list.flatMap((e) => [
          { type: e.anchorType, id: e.anchorId },
          ...(e.contactId ? [{ type: 'contact' as const, id: e.contactId }] : []),
        ]),
      );
      if (survivors.size === 0) continue;
      for (const e of list) {
        e.anchorId =
          survivors.get(anchorMergeId(workspaceId, e.anchorType, e.anchorId)) ?? e.anchorId;
        if (e.contactId)
          e.contactId =
            survivors.get(anchorMergeId(workspaceId, 'contact', e.contactId)) ?? e.contactId;
      }
    }
    return this.timeline.insertMany(entries);
  }

  private async applyEffects(event: EventEnvelope): Promise<void> {
    const d = event.data;
    const ws = event.workspaceId;
    switch (event.type) {
      case 'contact.merged':
      case 'company.merged': {
        const type: TimelineAnchorType = event.type === 'contact.merged' ? 'contact' : 'company';
        const { duplicateId, survivorId } = d as { duplicateId?: string; survivorId?: string };
        if (duplicateId && survivorId) await this.timeline.merge(ws, type, duplicateId, survivorId);
        return;
      }
      case 'note.deleted': {
        const note = obj(d.note);
        await this.hide(ws, note, String(note.id));
        return;
      }
      case 'communication.deleted':
      case 'communication.edited': {
        const c = obj(d.communication);
        const ref = event.type === 'communication.edited' ? String(d.supersedes) : String(c.id);
        await this.hide(ws, c, ref);
        return;
      }
    }
  }

  private async hide(workspaceId: string, record: Data, refId: string): Promise<void> {
    const anchors: AnchorRef[] = [];
    if (typeof record.contactId === 'string')
      anchors.push({ type: 'contact', id: record.contactId });
    const anchor = obj(record.anchor);
    if ((anchor.type === 'deal' || anchor.type === 'company') && typeof anchor.id === 'string') {
      anchors.push({ type: anchor.type, id: anchor.id });
    }
    const survivors = await this.timeline.survivors(workspaceId, anchors);
    const current = anchors.map((a) => ({
      ...a,
      id: survivors.get(anchorMergeId(workspaceId, a.type, a.id)) ?? a.id,
    }));
    await this.timeline.hide(workspaceId, current, refId);
  }

  async page(
    ctx: RequestContext,
    query: {
      anchorType: TimelineAnchorType;
      anchorId: string;
      limit: number;
      cursor?: string;
      types?: string;
    },
  ): Promise<Page<TimelineEntry>> {
    const page = await this.timeline.page(
      ctx.workspaceId,
      { type: query.anchorType, id: query.anchorId },
      { limit: query.limit, cursor: query.cursor, types: expandTypes(query.types) },
    );
    return { items: page.items.map(toTimelineEntry), nextCursor: page.nextCursor };
  }
}

/** `email.*,deal.won` → the listed types, families expanded over the known types. */
export function expandTypes(types: string | undefined): string[] | undefined {
  const wanted = (types ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (wanted.length === 0) return undefined;
  return [
    ...new Set(
      wanted.flatMap((t) =>
        t.endsWith('.*') ? KNOWN_TYPES.filter((k) => k.startsWith(t.slice(0, -1))) : [t],
      ),
    ),
  ];
}
