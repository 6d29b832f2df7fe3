import { Injectable } from '@nestjs/common';
import {
  PERSON_EXPORT_LIST_MAX,
  type ActivityPersonData,
  type RequestContext,
} from '@switchboard/contracts';
import { toAuditEntry } from '../audit/audit-entry.mapper';
import { toCommunication } from '../communications/communication.mapper';
import { toNote } from '../notes/note.mapper';
import { toTimelineEntry } from '../timeline/timeline-entry.mapper';
import { PersonRecordsRepository } from './person-records.repository';

/** The activity service's part of a person's data export (`rpc.activity.person.export`). */
@Injectable()
export class PersonExportService {
  constructor(private readonly records: PersonRecordsRepository) {}

  async export(ctx: RequestContext, contactId: string): Promise<ActivityPersonData> {
    const limit = PERSON_EXPORT_LIST_MAX;
    const held = await this.records.personData(ctx.workspaceId, contactId, limit);
    const lists = [held.notes, held.communications, held.timeline, held.audit];
    return {
      timeline: held.timeline.slice(0, limit).map(toTimelineEntry),
      communications: held.communications.slice(0, limit).map(toCommunication),
      notes: held.notes.slice(0, limit).map(toNote),
      audit: held.audit.slice(0, limit).map(toAuditEntry),
      truncated: lists.some((l) => l.length > limit),
    };
  }
}
