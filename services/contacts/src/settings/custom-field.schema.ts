import { Schema, type Connection, type Model } from 'mongoose';
import { idField, tenantGuard } from '@switchboard/storage';
import type {
  CustomFieldEntity,
  CustomFieldStatus,
  CustomFieldType,
  CustomFieldValidation,
} from '@switchboard/contracts';

export interface CustomFieldDoc {
  _id: string;
  workspaceId: string;
  entity: CustomFieldEntity;
  slug: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
  validation?: CustomFieldValidation | null;
  status: CustomFieldStatus;
  retiredAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const CustomFieldSchema = new Schema<CustomFieldDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    entity: { type: String, required: true, immutable: true },
    slug: { type: String, required: true, immutable: true },
    label: { type: String, required: true },
    type: { type: String, required: true, immutable: true },
    options: { type: [String], default: [] },
    required: { type: Boolean, default: false },
    validation: { type: { min: Number, max: Number, pattern: String }, default: null },
    status: { type: String, enum: ['active', 'retired'], default: 'active' },
    retiredAt: { type: Date, default: null },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'custom_fields', versionKey: false, minimize: false },
);
CustomFieldSchema.plugin(tenantGuard);
// A slug is taken for good within its entity: retired fields keep their stored values under it.
CustomFieldSchema.index({ workspaceId: 1, entity: 1, slug: 1 }, { unique: true });

export const customFieldModel = (connection: Connection): Model<CustomFieldDoc> =>
  connection.model<CustomFieldDoc>('CustomField', CustomFieldSchema);
