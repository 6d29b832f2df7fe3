import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import {
  explicitModel,
  membershipId,
  membershipModel,
  profileModel,
  type ExplicitDoc,
  type MembershipDoc,
  type ProfileDoc,
} from '@switchboard/segment-store';
import { insertIfAbsent } from '@switchboard/storage';

/**
 * What the segments database holds of one person outside the profile writer's path: explicit
 * includes/excludes, membership edges, and the profile itself, for merges (explicit requests
 * move to the survivor), erasure (everything goes) and the person's data export. Every query is
 * an equality filter scoped by workspace.
 */
@Injectable()
export class PersonRecordsRepository {
  private readonly explicit: Model<ExplicitDoc>;
  private readonly edges: Model<MembershipDoc>;
  private readonly profiles: Model<ProfileDoc>;

  constructor(db: MongoDatabase) {
    this.explicit = explicitModel(db.connection);
    this.edges = membershipModel(db.connection);
    this.profiles = profileModel(db.connection);
  }

  /**
   * The duplicate's explicit requests become the survivor's, except in segments where the
   * survivor has one of its own (the survivor's stands). True when any moved.
   */
  async moveExplicit(workspaceId: string, from: string, to: string): Promise<boolean> {
    const requests = await this.explicit
      .find({ workspaceId, contactId: from })
      .limit(10_000)
      .lean<ExplicitDoc[]>();
    for (const r of requests) {
      await insertIfAbsent(this.explicit, {
        ...r,
        _id: membershipId(r.segmentId, to),
        contactId: to,
      });
      await this.explicit.deleteOne({ workspaceId, _id: r._id });
    }
    return requests.length > 0;
  }

  /** Deletes the person's profile, explicit requests and edges (with any unsent events). */
  async erase(workspaceId: string, contactId: string): Promise<void> {
    await this.explicit.deleteMany({ workspaceId, contactId });
    await this.edges.deleteMany({ workspaceId, contactId });
    await this.profiles.deleteOne({ workspaceId, _id: contactId });
  }

  async edgesOf(workspaceId: string, contactId: string, limit: number): Promise<MembershipDoc[]> {
    return this.edges
      .find({ workspaceId, contactId }, { outbox: 0 })
      .limit(limit)
      .lean<MembershipDoc[]>();
  }

  async explicitOf(workspaceId: string, contactId: string, limit: number): Promise<ExplicitDoc[]> {
    return this.explicit.find({ workspaceId, contactId }).limit(limit).lean<ExplicitDoc[]>();
  }
}
