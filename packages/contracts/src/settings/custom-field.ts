import { z } from 'zod';
import { checkJson } from '../common/bounded-json';
import { LIMITS } from '../common/limits';
import { Id, Timestamp } from '../common/primitives';

/** What a custom field can be defined on. */
export const CustomFieldEntity = z.enum(['contact', 'company']);
export type CustomFieldEntity = z.infer<typeof CustomFieldEntity>;

export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'select',
  'multi_select',
  'boolean',
] as const;
export const CustomFieldType = z.enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

/** The key of a value in `customFields` (and `custom.<slug>` in filters and CSV columns). */
export const CustomFieldSlug = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower-case letters, digits and _, starting with a letter');

/** The longest pattern a field may carry (see the safety check in the contacts service). */
export const PATTERN_MAX_LENGTH = 200;

/**
 * Per-field validation: `min`/`max` bound a number's value, a text's length and the number of
 * choices of a multi-select; `pattern` (an RE2 regular expression, whole value) applies
 * to text. Dates are `YYYY-MM-DD`; `min`/`max` do not apply to them.
 */
export const CustomFieldValidation = z
  .object({
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    pattern: z.string().min(1).max(PATTERN_MAX_LENGTH).optional(),
  })
  .strict()
  .refine((v) => v.min === undefined || v.max === undefined || v.min <= v.max, {
    message: 'min must not exceed max',
    path: ['min'],
  });
export type CustomFieldValidation = z.infer<typeof CustomFieldValidation>;

const Option = z.string().trim().min(1).max(200);
const Label = z.string().trim().min(1).max(100);

/** `POST /v1/custom-fields`. */
export const CreateCustomFieldInput = z
  .object({
    entity: CustomFieldEntity,
    slug: CustomFieldSlug,
    label: Label,
    type: CustomFieldType,
    options: z.array(Option).max(200).optional(),
    required: z.boolean().optional(),
    validation: CustomFieldValidation.optional(),
  })
  .strict();
export type CreateCustomFieldInput = z.infer<typeof CreateCustomFieldInput>;

/**
 * `PATCH /v1/custom-fields/:id`. Slug, entity and type never change (stored values keep their
 * meaning); `options` is the new full list and must keep every existing option (stored values
 * may use them). `validation: null` removes the rules.
 */
export const UpdateCustomFieldInput = z
  .object({
    label: Label.optional(),
    options: z.array(Option).max(200).optional(),
    required: z.boolean().optional(),
    validation: CustomFieldValidation.nullable().optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type UpdateCustomFieldInput = z.infer<typeof UpdateCustomFieldInput>;

export const CustomFieldStatus = z.enum(['active', 'retired']);
export type CustomFieldStatus = z.infer<typeof CustomFieldStatus>;

/**
 * A custom-field definition. A retired field takes no new values, but the values already stored
 * stay on the records, readable and filterable under the same slug; its slug stays taken.
 */
export const CustomField = z.object({
  id: Id,
  workspaceId: Id,
  entity: CustomFieldEntity,
  slug: z.string(),
  label: z.string(),
  type: CustomFieldType,
  options: z.array(z.string()),
  required: z.boolean(),
  validation: z
    .object({
      min: z.number().optional(),
      max: z.number().optional(),
      pattern: z.string().optional(),
    })
    .optional(),
  status: CustomFieldStatus,
  retiredAt: Timestamp.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CustomField = z.infer<typeof CustomField>;

/** `GET /v1/custom-fields?entity=&status=` (all statuses when `status` is absent). */
export const ListCustomFieldsQuery = z
  .object({ entity: CustomFieldEntity.optional(), status: CustomFieldStatus.optional() })
  .strict();
export type ListCustomFieldsQuery = z.infer<typeof ListCustomFieldsQuery>;

export const CustomFieldList = z.object({ items: z.array(CustomField) });
export type CustomFieldList = z.infer<typeof CustomFieldList>;

/** Custom-field values by slug as clients send them; checked against the definitions. */
export const CustomFieldValues = z.record(
  CustomFieldSlug,
  z.union([
    z.string().max(2000),
    z.number(),
    z.boolean(),
    z.array(z.string().max(200)).max(100),
    z.null(),
  ]),
);
/** The refinement every input with custom-field values applies: their total size. */
export const boundedCustomFields = checkJson({ maxBytes: LIMITS.customFieldsBytes, maxDepth: 2 });
