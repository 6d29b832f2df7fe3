import { Injectable } from '@nestjs/common';
import type {
  ContactSettings,
  DedupRecompute,
  RequestContext,
  UpdateContactSettingsInput,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { DEFAULT_CONTACT_SETTINGS } from './contact-rules.service';
import { ContactSettingsRepository } from './contact-settings.repository';
import type { ContactSettingsDoc } from './contact-settings.schema';
import { DedupRecomputeService } from './dedup-recompute.service';
import type { DedupRecomputeDoc } from './dedup-recompute.schema';

const defaults = (workspaceId: string): ContactSettingsDoc => ({
  _id: workspaceId,
  workspaceId,
  ...DEFAULT_CONTACT_SETTINGS,
  dedupGeneration: 0,
  version: 0,
  updatedAt: new Date(0),
});

const toRecompute = (doc: DedupRecomputeDoc | null): DedupRecompute | null =>
  doc && {
    rule: doc.rule,
    state: doc.state,
    startedAt: new Date(doc.startedAt).toISOString(),
    finishedAt: doc.finishedAt ? new Date(doc.finishedAt).toISOString() : null,
    rekeyed: doc.rekeyed,
    clashCount: doc.clashCount,
    clashes: doc.clashes.map((c) => ({ contactId: c.contactId, duplicateOf: c.duplicateOf })),
  };

/**
 * `GET/PUT /v1/settings/contacts`: journey stages, lead sources and the dedup rule. Version 0
 * means "defaults, never changed". Changing the rule starts the key recomputation.
 */
@Injectable()
export class ContactSettingsService {
  constructor(
    private readonly settings: ContactSettingsRepository,
    private readonly recompute: DedupRecomputeService,
  ) {}

  async get(ctx: RequestContext): Promise<ContactSettings> {
    const [doc, pass] = await Promise.all([
      this.settings.find(ctx.workspaceId),
      this.recompute.find(ctx.workspaceId),
    ]);
    // A crash between the settings write and the start of its pass leaves no pass for the
    // generation in force: the next read starts it.
    if (doc && doc.dedupGeneration > (pass?.generation ?? 0)) {
      await this.recompute.start(ctx.workspaceId, doc.dedupRule, doc.dedupGeneration);
      return this.view(doc, await this.recompute.find(ctx.workspaceId));
    }
    return this.view(doc ?? defaults(ctx.workspaceId), pass);
  }

  async update(ctx: RequestContext, input: UpdateContactSettingsInput): Promise<ContactSettings> {
    for (let attempt = 1; ; attempt++) {
      const current = (await this.settings.find(ctx.workspaceId)) ?? defaults(ctx.workspaceId);
      if (input.version !== undefined && input.version !== current.version) {
        throw new AppError(
          'version_conflict',
          `contact settings are at version ${current.version}, not ${input.version}`,
          { currentVersion: current.version },
        );
      }
      const ruleChanged = input.dedupRule !== undefined && input.dedupRule !== current.dedupRule;
      const next: ContactSettingsDoc = {
        ...current,
        ...(input.stages ? { stages: input.stages } : {}),
        ...(input.leadSources ? { leadSources: input.leadSources } : {}),
        ...(input.archivedRetentionDays !== undefined
          ? { archivedRetentionDays: input.archivedRetentionDays }
          : {}),
        ...(ruleChanged
          ? { dedupRule: input.dedupRule!, dedupGeneration: current.dedupGeneration + 1 }
          : {}),
        updatedAt: new Date(),
      };
      if (await this.settings.write(next, current.version)) {
        if (ruleChanged) {
          await this.recompute.start(ctx.workspaceId, next.dedupRule, next.dedupGeneration);
        }
        return this.get(ctx);
      }
      if (input.version !== undefined || attempt >= 5) {
        throw new AppError('version_conflict', 'contact settings changed meanwhile; try again');
      }
    }
  }

  private view(doc: ContactSettingsDoc, pass: DedupRecomputeDoc | null): ContactSettings {
    return {
      workspaceId: doc.workspaceId,
      stages: doc.stages,
      leadSources: doc.leadSources,
      dedupRule: doc.dedupRule,
      dedup: toRecompute(pass),
      archivedRetentionDays: doc.archivedRetentionDays ?? null,
      version: doc.version,
      updatedAt: doc.version === 0 ? null : new Date(doc.updatedAt).toISOString(),
    };
  }
}
