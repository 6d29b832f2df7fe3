import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT, trusted } from '@switchboard/storage';
import { contactModel, type ContactDoc } from '../contacts/contact.schema';
import { contactSettingsModel, type ContactSettingsDoc } from '../settings/contact-settings.schema';

/** The reads of the retention sweep: which workspaces purge, and their archived contacts. */
@Injectable()
export class RetentionRepository {
  private readonly settings: Model<ContactSettingsDoc>;
  private readonly contacts: Model<ContactDoc>;

  constructor(db: MongoDatabase) {
    this.settings = contactSettingsModel(db.connection);
    this.contacts = contactModel(db.connection);
  }

  /** Workspaces with a retention for archived contacts (one settings document each). */
  async workspacesWithRetention(): Promise<Array<{ workspaceId: string; days: number }>> {
    const docs = await this.settings
      .find({}, { workspaceId: 1, archivedRetentionDays: 1 })
      .setOptions({ [CROSS_TENANT]: true })
      .lean<Array<Pick<ContactSettingsDoc, 'workspaceId' | 'archivedRetentionDays'>>>();
    return docs
      .filter((d) => typeof d.archivedRetentionDays === 'number' && d.archivedRetentionDays > 0)
      .map((d) => ({ workspaceId: d.workspaceId, days: d.archivedRetentionDays as number }));
  }

  /** Archived contacts last changed before `before`, oldest first, after `afterId`. */
  async archivedBefore(workspaceId: string, before: Date, limit: number, afterId?: string) {
    return this.contacts
      .find(
        {
          workspaceId,
          status: 'archived',
          updatedAt: trusted({ $lte: before }),
          ...(afterId ? { _id: trusted({ $gt: afterId }) } : {}),
        },
        { _id: 1, statusHistory: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Array<Pick<ContactDoc, '_id' | 'statusHistory'>>>();
  }
}
