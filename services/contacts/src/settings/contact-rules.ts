import type {
  CreateContactInput,
  DedupRule,
  FieldError,
  UpdateContactInput,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { CustomFieldRules, type WriteMode } from './custom-field-rules';
import type { CustomFieldDoc } from './custom-field.schema';

/** The settings a contact write is checked against. */
export interface ContactSettingsView {
  stages: string[];
  leadSources: string[];
  dedupRule: DedupRule;
}

type RuledFields = {
  customFields?: Record<string, unknown> | null;
  stage?: string | null;
  leadSource?: string | null;
};

/**
 * One workspace's rules for contact writes: custom-field values, journey stage, lead source and
 * the dedup rule. Pure and synchronous once built (`ContactRulesService.forWorkspace`), so an
 * import loads it once per batch and checks every row with it.
 */
export class ContactRules {
  readonly customFields: CustomFieldRules;

  constructor(
    readonly workspaceId: string,
    readonly settings: ContactSettingsView,
    definitions: Pick<
      CustomFieldDoc,
      'slug' | 'type' | 'options' | 'required' | 'validation' | 'status'
    >[],
  ) {
    this.customFields = new CustomFieldRules(definitions);
  }

  get dedupRule(): DedupRule {
    return this.settings.dedupRule;
  }

  isStage(stage: string): boolean {
    return this.settings.stages.includes(stage);
  }

  isLeadSource(leadSource: string): boolean {
    return this.settings.leadSources.includes(leadSource);
  }

  /** Field errors of a create input (paths prefixed with `prefix`, e.g. `rows.3.`). */
  createErrors(input: Pick<CreateContactInput, keyof RuledFields>, prefix = ''): FieldError[] {
    return this.errors(input, 'create', prefix);
  }

  /** Field errors of a partial update: only what the patch sets is checked; null clears. */
  updateErrors(patch: Pick<UpdateContactInput, keyof RuledFields>, prefix = ''): FieldError[] {
    return this.errors(patch, 'update', prefix);
  }

  assertCreate(input: Pick<CreateContactInput, keyof RuledFields>): void {
    throwIfAny(this.createErrors(input));
  }

  assertUpdate(patch: Pick<UpdateContactInput, keyof RuledFields>): void {
    throwIfAny(this.updateErrors(patch));
  }

  private errors(input: RuledFields, mode: WriteMode, prefix: string): FieldError[] {
    const errors = this.customFields.errors(input.customFields, mode, prefix);
    if (input.stage && !this.isStage(input.stage)) {
      errors.push({
        path: `${prefix}stage`,
        message: `not a journey stage of this workspace (${this.settings.stages.join(', ')})`,
      });
    }
    if (input.leadSource && !this.isLeadSource(input.leadSource)) {
      errors.push({
        path: `${prefix}leadSource`,
        message: `not a lead source of this workspace (${this.settings.leadSources.join(', ') || 'none configured'})`,
      });
    }
    return errors;
  }
}

function throwIfAny(errors: FieldError[]): void {
  if (errors.length > 0) throw AppError.validation('invalid contact', errors);
}
