import { Injectable } from '@nestjs/common';
import {
  DEFAULT_JOURNEY_STAGES,
  DEFAULT_LEAD_SOURCES,
  type CustomFieldEntity,
  type DedupRule,
} from '@switchboard/contracts';
import { ContactRules, type ContactSettingsView } from './contact-rules';
import { CustomFieldRules } from './custom-field-rules';
import { ContactSettingsRepository } from './contact-settings.repository';
import type { ContactSettingsDoc } from './contact-settings.schema';
import { CustomFieldsRepository } from './custom-fields.repository';

/** What a workspace that never changed its settings gets. */
export const DEFAULT_CONTACT_SETTINGS: ContactSettingsView = {
  stages: [...DEFAULT_JOURNEY_STAGES],
  leadSources: [...DEFAULT_LEAD_SOURCES],
  dedupRule: 'email',
};

export const settingsView = (doc: ContactSettingsDoc | null): ContactSettingsView =>
  doc
    ? { stages: doc.stages, leadSources: doc.leadSources, dedupRule: doc.dedupRule }
    : DEFAULT_CONTACT_SETTINGS;

/**
 * The entry point of every contact write path (create, PATCH, import rows): loads a workspace's
 * custom-field definitions and contact settings (two reads, no cache, so a change is in force
 * for the very next write on every replica) and returns the rules to check writes with.
 *
 * ```ts
 * const rules = await contactRules.forWorkspace(ctx.workspaceId); // once per request / batch
 * rules.assertCreate(input);               // or rules.createErrors(row, `rows.${i}.`)
 * rules.assertUpdate(patch);               // PATCH: only what the patch sets
 * dedupKeyOf(channels, id, rules.dedupRule);
 * ```
 */
@Injectable()
export class ContactRulesService {
  constructor(
    private readonly settings: ContactSettingsRepository,
    private readonly fields: CustomFieldsRepository,
  ) {}

  async forWorkspace(workspaceId: string): Promise<ContactRules> {
    const [settings, definitions] = await Promise.all([
      this.settings.find(workspaceId),
      this.fields.list(workspaceId, 'contact'),
    ]);
    return new ContactRules(workspaceId, settingsView(settings), definitions);
  }

  /** Custom-field rules of another entity (companies). */
  async customFieldRules(
    workspaceId: string,
    entity: CustomFieldEntity,
  ): Promise<CustomFieldRules> {
    return new CustomFieldRules(await this.fields.list(workspaceId, entity));
  }

  async dedupRule(workspaceId: string): Promise<DedupRule> {
    return settingsView(await this.settings.find(workspaceId)).dedupRule;
  }
}
