import { Injectable } from '@nestjs/common';
import type { EventEnvelope, Page, RequestContext, TimelineEntry } from '@switchboard/contracts';
import { contactIdOf, entryFromEvent, toTimelineEntry } from './timeline-entry.mapper';
import { TimelineRepository } from './timeline.repository';

@Injectable()
export class TimelineService {
  constructor(private readonly timeline: TimelineRepository) {}

  /** Records a domain event on its contact's timeline; returns false when already recorded. */
  async record(event: EventEnvelope): Promise<boolean> {
    const contactId = contactIdOf(event);
    if (!contactId) return false;
    return this.timeline.insertOnce(entryFromEvent(event, contactId));
  }

  async page(
    ctx: RequestContext,
    query: { contactId: string; limit: number; cursor?: string; types?: string },
  ): Promise<Page<TimelineEntry>> {
    const types = query.types
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const page = await this.timeline.page(ctx.workspaceId, query.contactId, { ...query, types });
    return { items: page.items.map(toTimelineEntry), nextCursor: page.nextCursor };
  }
}
