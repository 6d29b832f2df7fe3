import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import {
  CROSS_TENANT,
  insertIfAbsent,
  isDuplicateKeyError,
  DocumentWriter,
  paginate,
  updateStaged,
} from '@switchboard/storage';
import { membershipModel, type MembershipDoc } from './membership.schema';

@Injectable()
export class MembershipsRepository implements OnModuleInit {
  readonly model: Model<MembershipDoc>;

  private relay!: OutboxKick;
  private readonly writer: DocumentWriter;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = membershipModel(db.connection);
    this.writer = new DocumentWriter(this.model, db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  /** Idempotent on (workspaceId, userId): a retried sign-up does not fail on its own first write. */
  async insertOnce(doc: MembershipDoc): Promise<void> {
    try {
      await this.model.create([doc]);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  async insert(doc: MembershipDoc): Promise<boolean> {
    return insertIfAbsent(this.model, doc);
  }

  list(workspaceId: string, limit: number, cursor?: string): Promise<Page<MembershipDoc>> {
    return paginate(
      this.model,
      { workspaceId },
      { sortField: 'createdAt', direction: 1, limit, cursor },
    );
  }

  /** Sets the role, its `member.role.changed` event staged in the same write (the audit). */
  async setRole(
    workspaceId: string,
    userId: string,
    role: string,
    events: EventEnvelope[] = [],
  ): Promise<boolean> {
    const current = await this.model
      .findOne({ workspaceId, userId }, { _id: 1 })
      .lean<{ _id: string }>();
    if (!current) return false;
    const key = { workspaceId, _id: current._id };
    const set = await updateStaged(this.model, this.writer, key, {}, { role }, events);
    if (set && events.length > 0) this.relay.kick();
    return set;
  }

  async remove(workspaceId: string, userId: string): Promise<boolean> {
    const res = await this.model.deleteOne({ workspaceId, userId });
    return res.deletedCount === 1;
  }

  countWithRole(workspaceId: string, role: string): Promise<number> {
    return this.model.countDocuments({ workspaceId, role, deactivatedAt: null });
  }

  /** A current membership: a deactivated member is no member (access, sign-in, owner checks). */
  find(workspaceId: string, userId: string): Promise<MembershipDoc | null> {
    return this.model.findOne({ workspaceId, userId, deactivatedAt: null }).lean<MembershipDoc>();
  }

  /** A membership, current or deactivated (the member list shows both). */
  findAny(workspaceId: string, userId: string): Promise<MembershipDoc | null> {
    return this.model.findOne({ workspaceId, userId }).lean<MembershipDoc>();
  }

  /** Offboarding without removal: the row stays, listed as deactivated (decision 0135). */
  async deactivate(workspaceId: string, userId: string, at: Date): Promise<boolean> {
    const row = await this.keyOf(workspaceId, userId);
    if (!row) return false;
    const cond = { deactivatedAt: null };
    return updateStaged(this.model, this.writer, row, cond, { deactivatedAt: at });
  }

  /** Undoes `deactivate` (the last owner check lost a race). */
  async reactivate(workspaceId: string, userId: string): Promise<void> {
    const row = await this.keyOf(workspaceId, userId);
    if (row) await updateStaged(this.model, this.writer, row, {}, { deactivatedAt: null });
  }

  /** Writes of a membership go through its revision: the outbox relay rewrites it too. */
  private async keyOf(workspaceId: string, userId: string) {
    const row = await this.model
      .findOne({ workspaceId, userId }, { _id: 1 })
      .lean<{ _id: string }>();
    return row ? { workspaceId, _id: row._id } : null;
  }

  /**
   * The user's oldest membership, in any workspace: login without a workspace picks it. A user
   * has few memberships, so sorting them in memory is cheap (FerretDB does not push sorts).
   */
  async firstOf(userId: string): Promise<MembershipDoc | null> {
    const all = await this.model
      .find({ userId, deactivatedAt: null })
      .setOptions({ [CROSS_TENANT]: true })
      .limit(1000)
      .lean<MembershipDoc[]>();
    all.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id));
    return all[0] ?? null;
  }

  /** Records a sign-in to the workspace (one equality-scoped update). */
  async signedIn(workspaceId: string, userId: string, at: Date): Promise<void> {
    const key = await this.keyOf(workspaceId, userId);
    if (key) await updateStaged(this.model, this.writer, key, {}, { lastSignInAt: at });
  }
}
