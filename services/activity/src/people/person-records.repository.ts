import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { auditEntryModel, type AuditEntryDoc } from '../audit/audit-entry.schema';
import { communicationModel, type CommunicationDoc } from '../communications/communication.schema';
import { noteModel, type NoteDoc } from '../notes/note.schema';
import { timelineEntryModel, type TimelineEntryDoc } from '../timeline/timeline-entry.schema';

/**
 * The activity records that name one person — notes on the contact, communications, timeline
 * entries, audit entries of the contact and of those notes and communications — for merges
 * (notes and communications follow the survivor; timelines move in TimelineRepository.merge),
 * erasure and the person's data export. Equality filters scoped by workspace throughout.
 */
@Injectable()
export class PersonRecordsRepository {
  private readonly notes: Model<NoteDoc>;
  private readonly communications: Model<CommunicationDoc>;
  private readonly timeline: Model<TimelineEntryDoc>;
  private readonly audit: Model<AuditEntryDoc>;

  constructor(db: MongoDatabase) {
    this.notes = noteModel(db.connection);
    this.communications = communicationModel(db.connection);
    this.timeline = timelineEntryModel(db.connection);
    this.audit = auditEntryModel(db.connection);
  }

  /** Notes and communications of the duplicate now belong to the survivor. */
  async moveToSurvivor(workspaceId: string, from: string, to: string): Promise<void> {
    await this.notes.updateMany(
      { workspaceId, anchorType: 'contact', anchorId: from },
      { $set: { anchorId: to } },
    );
    await this.notes.updateMany({ workspaceId, contactId: from }, { $set: { contactId: to } });
    await this.communications.updateMany(
      { workspaceId, contactId: from },
      { $set: { contactId: to } },
    );
  }

  /** Ids of the notes on the contact (anchored to it or naming it) and of its communications. */
  private async recordIds(workspaceId: string, contactId: string, limit: number) {
    const [anchored, naming, comms] = await Promise.all([
      this.notes
        .find({ workspaceId, anchorType: 'contact', anchorId: contactId }, { _id: 1 })
        .limit(limit)
        .lean<Array<{ _id: string }>>(),
      this.notes
        .find({ workspaceId, contactId }, { _id: 1 })
        .limit(limit)
        .lean<Array<{ _id: string }>>(),
      this.communications
        .find({ workspaceId, contactId }, { _id: 1 })
        .limit(limit)
        .lean<Array<{ _id: string }>>(),
    ]);
    return {
      notes: [...new Set([...anchored, ...naming].map((n) => n._id))],
      communications: comms.map((c) => c._id),
    };
  }

  /**
   * Deletes everything here that names the person; the audit entry of the erasure itself
   * (`contact.erased`, no personal data) stays. Loops until nothing is left, so a person with
   * many records is erased in bounded reads.
   */
  async erase(workspaceId: string, contactId: string, leadIds: string[]): Promise<void> {
    for (;;) {
      const ids = await this.recordIds(workspaceId, contactId, 500);
      const all = [...ids.notes, ...ids.communications];
      if (all.length === 0) break;
      for (const id of all) await this.audit.deleteMany({ workspaceId, targetId: id });
      for (const id of ids.notes) await this.notes.deleteOne({ workspaceId, _id: id });
      for (const id of ids.communications) {
        await this.communications.deleteOne({ workspaceId, _id: id });
      }
    }
    await this.timeline.deleteMany({ workspaceId, anchorType: 'contact', anchorId: contactId });
    await this.timeline.deleteMany({ workspaceId, contactId });
    for (const id of leadIds) await this.audit.deleteMany({ workspaceId, targetId: id });
    const entries = await this.audit
      .find({ workspaceId, targetId: contactId }, { _id: 1, action: 1 })
      .lean<Array<Pick<AuditEntryDoc, '_id' | 'action'>>>();
    for (const e of entries) {
      if (e.action !== 'contact.erased') await this.audit.deleteOne({ workspaceId, _id: e._id });
    }
  }

  /** What the data export shows: up to `limit` of each kind (`limit + 1` read to see more). */
  async personData(workspaceId: string, contactId: string, limit: number) {
    const ids = await this.recordIds(workspaceId, contactId, limit + 1);
    const [notes, communications, timeline, audit] = await Promise.all([
      Promise.all(
        ids.notes.map((id) =>
          this.notes.findOne({ workspaceId, _id: id }, { outbox: 0 }).lean<NoteDoc>(),
        ),
      ),
      this.communications
        .find({ workspaceId, contactId }, { outbox: 0 })
        .sort({ occurredAt: -1, _id: -1 })
        .limit(limit + 1)
        .lean<CommunicationDoc[]>(),
      this.timeline
        .find({ workspaceId, anchorType: 'contact', anchorId: contactId })
        .sort({ occurredAt: -1, _id: -1 })
        .limit(limit + 1)
        .lean<TimelineEntryDoc[]>(),
      this.audit
        .find({ workspaceId, targetId: contactId })
        .sort({ occurredAt: -1, _id: -1 })
        .limit(limit + 1)
        .lean<AuditEntryDoc[]>(),
    ]);
    return {
      notes: notes.filter((n): n is NoteDoc => n !== null),
      communications,
      timeline,
      audit,
    };
  }
}
