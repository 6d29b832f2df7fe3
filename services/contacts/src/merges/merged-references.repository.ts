import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { insertIfAbsent } from '@switchboard/storage';
import {
  assessmentModel,
  rankingModel,
  type AssessmentDoc,
  type RankingDoc,
} from '../fit/fit.schema';
import { leadModel, type LeadDoc } from '../leads/lead.schema';

const rankingId = (productId: string, contactId: string) => `${productId}_${contactId}`;

/**
 * The references this service keeps to a contact outside the contact itself — fit assessments,
 * fit rankings, converted leads — moved from a merged duplicate to its survivor. Each step is
 * an equality-scoped write that finds nothing left to do when run again.
 */
@Injectable()
export class MergedReferencesRepository {
  private readonly assessments: Model<AssessmentDoc>;
  private readonly rankings: Model<RankingDoc>;
  private readonly leads: Model<LeadDoc>;

  constructor(db: MongoDatabase) {
    this.assessments = assessmentModel(db.connection);
    this.rankings = rankingModel(db.connection);
    this.leads = leadModel(db.connection);
  }

  async moveAssessments(workspaceId: string, from: string, to: string): Promise<void> {
    await this.assessments.updateMany(
      { workspaceId, contactId: from },
      { $set: { contactId: to } },
    );
  }

  /**
   * Each of the duplicate's ranking entries becomes the survivor's when the survivor has none in
   * that product, or when it was assessed later than the survivor's; the duplicate's goes.
   */
  async moveRankings(workspaceId: string, from: string, to: string): Promise<void> {
    const entries = await this.rankings
      .find({ workspaceId, contactId: from }, { outbox: 0, outboxPending: 0 })
      .limit(1000)
      .lean<RankingDoc[]>();
    for (const dup of entries) {
      const id = rankingId(dup.productId, to);
      const mine = await this.rankings.findOne({ workspaceId, _id: id }).lean<RankingDoc>();
      const moved = { ...dup, _id: id, contactId: to, rev: 1 };
      if (!mine) {
        await insertIfAbsent(this.rankings, moved);
      } else if (new Date(dup.assessedAt) > new Date(mine.assessedAt)) {
        const { _id, workspaceId: _ws, rev: _rev, ...fields } = moved;
        await this.rankings.updateOne(
          { workspaceId, _id: mine._id },
          {
            $set: {
              ...fields,
              assessments: mine.assessments + dup.assessments,
              version: mine.version + 1,
            },
            $inc: { rev: 1 },
          },
        );
      }
      await this.rankings.deleteOne({ workspaceId, _id: dup._id });
    }
  }

  async moveLeads(workspaceId: string, from: string, to: string): Promise<void> {
    await this.leads.updateMany(
      { workspaceId, 'conversion.contactId': from },
      { $set: { 'conversion.contactId': to } },
    );
  }
}
