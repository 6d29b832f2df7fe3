import { Injectable } from '@nestjs/common';
import type {
  CreateCustomFieldInput,
  CustomField,
  CustomFieldList,
  ListCustomFieldsQuery,
  RequestContext,
  UpdateCustomFieldInput,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { definitionErrors } from './custom-field-definition';
import type { CustomFieldDoc } from './custom-field.schema';
import { CustomFieldsRepository } from './custom-fields.repository';

export function toCustomField(doc: CustomFieldDoc): CustomField {
  const v = doc.validation;
  const validation = v
    ? {
        ...(typeof v.min === 'number' ? { min: v.min } : {}),
        ...(typeof v.max === 'number' ? { max: v.max } : {}),
        ...(v.pattern ? { pattern: v.pattern } : {}),
      }
    : {};
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    entity: doc.entity,
    slug: doc.slug,
    label: doc.label,
    type: doc.type,
    options: doc.options ?? [],
    required: doc.required,
    ...(Object.keys(validation).length > 0 ? { validation } : {}),
    status: doc.status,
    retiredAt: doc.retiredAt ? new Date(doc.retiredAt).toISOString() : null,
    version: doc.version,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

const invalid = (errors: { path: string; message: string }[]) =>
  AppError.validation('invalid custom field', errors);

/**
 * Custom-field definitions. A slug is unique per workspace and entity for good; type and slug
 * never change; options can be added, never removed (stored values use them); retiring keeps
 * every stored value where it is, readable and filterable. Values are checked on contact and
 * company writes by `ContactRulesService`.
 */
@Injectable()
export class CustomFieldsService {
  constructor(private readonly fields: CustomFieldsRepository) {}

  async create(ctx: RequestContext, input: CreateCustomFieldInput): Promise<CustomField> {
    const errors = definitionErrors(input.type, input.options, input.validation);
    if (errors.length > 0) throw invalid(errors);
    const now = new Date();
    const doc: CustomFieldDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      entity: input.entity,
      slug: input.slug,
      label: input.label,
      type: input.type,
      options: input.options ?? [],
      required: input.required ?? false,
      validation: input.validation ?? null,
      status: 'active',
      retiredAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.fields.insert(doc))) {
      throw new AppError(
        'conflict',
        `the ${input.entity} field slug ${input.slug} is taken (retired slugs stay taken)`,
        { slug: input.slug },
      );
    }
    return toCustomField(doc);
  }

  async list(ctx: RequestContext, q: ListCustomFieldsQuery): Promise<CustomFieldList> {
    const docs = await this.fields.list(ctx.workspaceId, q.entity, q.status);
    return { items: docs.map(toCustomField) };
  }

  async update(
    ctx: RequestContext,
    id: string,
    patch: UpdateCustomFieldInput,
  ): Promise<CustomField> {
    return this.write(ctx.workspaceId, id, patch.version, (current) => {
      if (current.status === 'retired') {
        throw new AppError('conflict', `custom field ${current.slug} is retired`);
      }
      const next: CustomFieldDoc = { ...current };
      if (patch.label !== undefined) next.label = patch.label;
      if (patch.required !== undefined) next.required = patch.required;
      if (patch.validation !== undefined) next.validation = patch.validation;
      if (patch.options !== undefined) {
        const dropped = current.options.filter((o) => !patch.options!.includes(o));
        if (dropped.length > 0) {
          throw invalid([
            { path: 'options', message: `options cannot be removed: ${dropped.join(', ')}` },
          ]);
        }
        next.options = patch.options;
      }
      const errors = definitionErrors(next.type, next.options, next.validation);
      if (errors.length > 0) throw invalid(errors);
      return next;
    });
  }

  /** DELETE: retires the field; its stored values stay. Idempotent. */
  async retire(ctx: RequestContext, id: string): Promise<CustomField> {
    return this.write(ctx.workspaceId, id, undefined, (current) =>
      current.status === 'retired'
        ? null
        : { ...current, status: 'retired', retiredAt: new Date() },
    );
  }

  /** Version-checked write, retried on a lost race unless the client named a version. */
  private async write(
    workspaceId: string,
    id: string,
    expectedVersion: number | undefined,
    change: (current: CustomFieldDoc) => CustomFieldDoc | null,
  ): Promise<CustomField> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.fields.findById(workspaceId, id);
      if (!current) throw AppError.notFound('custom field', id);
      if (expectedVersion !== undefined && current.version !== expectedVersion) {
        throw new AppError(
          'version_conflict',
          `custom field ${id} is at version ${current.version}, not ${expectedVersion}`,
          { currentVersion: current.version },
        );
      }
      const next = change(current);
      if (!next) return toCustomField(current);
      const stamped = { ...next, updatedAt: new Date() };
      if (await this.fields.replace(stamped, current.version)) {
        return toCustomField({ ...stamped, version: current.version + 1 });
      }
      if (expectedVersion !== undefined || attempt >= 5) {
        throw new AppError('version_conflict', `custom field ${id} changed meanwhile; try again`);
      }
    }
  }
}
