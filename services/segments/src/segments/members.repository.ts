import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Page } from '@switchboard/contracts';
import { MongoDatabase } from '@switchboard/runtime';
import {
  explicitModel,
  membershipId,
  membershipModel,
  profileModel,
  type Explicit,
  type ExplicitDoc,
  type MembershipDoc,
  type ProfileDoc,
} from '@switchboard/segment-store';
import { decodeCursor, encodeCursor, trusted } from '@switchboard/storage';

/** What the API reads of an edge. */
export type EdgeView = Pick<
  MembershipDoc,
  '_id' | 'segmentId' | 'contactId' | 'member' | 'via' | 'explicit' | 'joinedAt' | 'leftAt'
>;
const EDGE_FIELDS = {
  segmentId: 1,
  contactId: 1,
  member: 1,
  via: 1,
  explicit: 1,
  joinedAt: 1,
  leftAt: 1,
} as const;

/**
 * Reads of the worker's membership edges and the projection's profiles, and the explicit
 * includes/excludes this service records (`segment_explicit`, written here only). Every query is
 * scoped by workspace and is an equality filter (plus a keyset bound), which is all FerretDB
 * serves without reading the whole collection into the query engine (decision 48).
 */
@Injectable()
export class MembersRepository implements OnModuleInit {
  private readonly edges: Model<MembershipDoc>;
  private readonly explicit: Model<ExplicitDoc>;
  readonly profiles: Model<ProfileDoc>;

  constructor(db: MongoDatabase) {
    this.edges = membershipModel(db.connection);
    this.explicit = explicitModel(db.connection);
    this.profiles = profileModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.explicit.init();
  }

  countMembers(workspaceId: string, segmentId: string): Promise<number> {
    return this.edges.countDocuments({ workspaceId, segmentId, member: true });
  }

  /**
   * For a caller with a read scope (decision 0106): the members it may read are the profiles of
   * contacts it owns that carry the segment (`segments`, written by the worker with the edge),
   * so the owner is in the query and counts and cursors never include unreadable contacts.
   */
  private ownedMembers(workspaceId: string, segmentId: string, owners: readonly string[]) {
    return {
      workspaceId,
      segments: segmentId,
      ownerId: owners.length === 1 ? owners[0] : trusted({ $in: [...owners] }),
    };
  }

  countOwnedMembers(
    workspaceId: string,
    segmentId: string,
    owners: readonly string[],
  ): Promise<number> {
    return this.profiles.countDocuments(this.ownedMembers(workspaceId, segmentId, owners));
  }

  /** Members owned by `owners`, keyset over the contact id, with their edges. */
  async ownedMembersPage(
    workspaceId: string,
    segmentId: string,
    owners: readonly string[],
    limit: number,
    cursor?: string,
  ): Promise<Page<EdgeView>> {
    const after = cursor ? decodeCursor(cursor, 'string').id : null;
    const rows = await this.profiles
      .find(
        {
          ...this.ownedMembers(workspaceId, segmentId, owners),
          ...(after ? { _id: trusted({ $gt: after }) } : {}),
        },
        { _id: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<Array<{ _id: string }>>();
    const page = rows.slice(0, limit);
    const edges = await Promise.all(page.map((p) => this.edge(workspaceId, segmentId, p._id)));
    const items = edges.filter((e): e is EdgeView => e !== null && e.member);
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last._id, last._id) : null,
    };
  }

  /** Members of a segment by contact id (keyset over the edge id `<segmentId>:<contactId>`). */
  async members(
    workspaceId: string,
    segmentId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<EdgeView>> {
    return this.keysetPage({ workspaceId, segmentId, member: true }, limit, cursor);
  }

  /** The segments a contact is a member of, by segment id. */
  async ofContact(
    workspaceId: string,
    contactId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<EdgeView>> {
    return this.keysetPage({ workspaceId, contactId, member: true }, limit, cursor);
  }

  edge(workspaceId: string, segmentId: string, contactId: string): Promise<EdgeView | null> {
    return this.edges
      .findOne({ workspaceId, _id: membershipId(segmentId, contactId) }, EDGE_FIELDS)
      .lean<EdgeView>();
  }

  explicitOf(workspaceId: string, segmentId: string, contactId: string) {
    return this.explicit
      .findOne({ workspaceId, _id: membershipId(segmentId, contactId) })
      .lean<ExplicitDoc>();
  }

  /** Records (or replaces) an explicit request. One upsert by `_id` per contact. */
  async setExplicit(
    workspaceId: string,
    segmentId: string,
    contactId: string,
    explicit: Explicit,
    by: string,
  ): Promise<void> {
    await this.explicit.updateOne(
      { workspaceId, _id: membershipId(segmentId, contactId) },
      {
        $set: { explicit, by, at: new Date() },
        $setOnInsert: { segmentId, contactId },
      },
      { upsert: true },
    );
  }

  async clearExplicit(workspaceId: string, segmentId: string, contactId: string): Promise<void> {
    await this.explicit.deleteOne({ workspaceId, _id: membershipId(segmentId, contactId) });
  }

  profile(workspaceId: string, contactId: string): Promise<ProfileDoc | null> {
    return this.profiles.findOne({ workspaceId, _id: contactId }).lean<ProfileDoc>();
  }

  /** Which of these contacts have a profile (read one by one: `$in` scans on FerretDB). */
  async withProfile(workspaceId: string, contactIds: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const CONCURRENCY = 8;
    for (let i = 0; i < contactIds.length; i += CONCURRENCY) {
      const chunk = contactIds.slice(i, i + CONCURRENCY);
      const rows = await Promise.all(
        chunk.map((id) =>
          this.profiles.findOne({ workspaceId, _id: id }, { _id: 1 }).lean<{ _id: string }>(),
        ),
      );
      rows.forEach((r) => r && found.add(r._id));
    }
    return found;
  }

  private async keysetPage(
    filter: Record<string, unknown>,
    limit: number,
    cursor?: string,
  ): Promise<Page<EdgeView>> {
    const after = cursor ? decodeCursor(cursor, 'string').id : null;
    const rows = await this.edges
      .find({ ...filter, ...(after ? { _id: trusted({ $gt: after }) } : {}) }, EDGE_FIELDS)
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<EdgeView[]>();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last._id, last._id) : null,
    };
  }
}
