import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { OffboardingKind } from '@switchboard/contracts';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT, trusted } from '@switchboard/storage';
import { offboardingModel, type OffboardingDoc } from './offboarding.schema';

/** Offboardings and their progress (one document each, written step by step). */
@Injectable()
export class OffboardingsRepository implements OnModuleInit {
  readonly model: Model<OffboardingDoc>;

  constructor(db: MongoDatabase) {
    this.model = offboardingModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  async insert(doc: OffboardingDoc): Promise<void> {
    await this.model.create([doc]);
  }

  find(workspaceId: string, id: string): Promise<OffboardingDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }).lean<OffboardingDoc>();
  }

  /** Progress of one step (the whole steps list: few entries, one writer per offboarding). */
  async saveStep(
    doc: OffboardingDoc,
    kind: OffboardingKind,
    moved: number,
    done: boolean,
  ): Promise<void> {
    doc.steps = doc.steps.map((s) => (s.kind === kind ? { kind, moved, done } : s));
    await this.model.updateOne(
      { workspaceId: doc.workspaceId, _id: doc._id },
      { $set: { steps: doc.steps, status: 'running', error: null } },
    );
  }

  async finish(doc: OffboardingDoc, status: 'completed' | 'failed', error: string | null) {
    await this.model.updateOne(
      { workspaceId: doc.workspaceId, _id: doc._id },
      { $set: { status, error, completedAt: status === 'completed' ? new Date() : null } },
    );
  }

  /** Unfinished offboardings of every workspace (a restarted gateway resumes them). */
  unfinished(): Promise<OffboardingDoc[]> {
    return this.model
      .find({ status: trusted({ $in: ['running', 'failed'] }) })
      .setOptions({ [CROSS_TENANT]: true })
      .limit(1000)
      .lean<OffboardingDoc[]>();
  }
}
