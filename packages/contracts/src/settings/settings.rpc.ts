import { z } from 'zod';
import { Id } from '../common/primitives';
import { ContactSettings, UpdateContactSettingsInput } from './contact-settings';
import {
  CreateCustomFieldInput,
  CustomField,
  CustomFieldList,
  ListCustomFieldsQuery,
  UpdateCustomFieldInput,
} from './custom-field';
import {
  CreateTagInput,
  MergeTagInput,
  TagChange,
  TagDefinition,
  TagLibrary,
  TagLibraryQuery,
  TagName,
  TagOperation,
  UpdateTagInput,
} from './tag-library';

/** Workspace configuration of contacts, served by the contacts service (`rpc.contacts.*`). */
export const SETTINGS_RPC = {
  createCustomField: {
    subject: 'rpc.contacts.customField.create',
    input: CreateCustomFieldInput,
    output: CustomField,
  },
  listCustomFields: {
    subject: 'rpc.contacts.customField.list',
    input: ListCustomFieldsQuery,
    output: CustomFieldList,
  },
  updateCustomField: {
    subject: 'rpc.contacts.customField.update',
    input: z.object({ id: Id, patch: UpdateCustomFieldInput }).strict(),
    output: CustomField,
  },
  retireCustomField: {
    subject: 'rpc.contacts.customField.retire',
    input: z.object({ id: Id }).strict(),
    output: CustomField,
  },
  getSettings: {
    subject: 'rpc.contacts.settings.get',
    input: z.object({}).strict(),
    output: ContactSettings,
  },
  updateSettings: {
    subject: 'rpc.contacts.settings.update',
    input: UpdateContactSettingsInput,
    output: ContactSettings,
  },
  tagLibrary: { subject: 'rpc.contacts.tagLibrary', input: TagLibraryQuery, output: TagLibrary },
  createTag: { subject: 'rpc.contacts.tag.create', input: CreateTagInput, output: TagDefinition },
  getTag: {
    subject: 'rpc.contacts.tag.get',
    input: z.object({ name: TagName }).strict(),
    output: TagDefinition,
  },
  updateTag: {
    subject: 'rpc.contacts.tag.update',
    input: z.object({ name: TagName, patch: UpdateTagInput }).strict(),
    output: TagChange,
  },
  mergeTag: {
    subject: 'rpc.contacts.tag.merge',
    input: z.object({ name: TagName, merge: MergeTagInput }).strict(),
    output: TagChange,
  },
  deleteTag: {
    subject: 'rpc.contacts.tag.delete',
    input: z.object({ name: TagName }).strict(),
    output: TagChange,
  },
  getTagOperation: {
    subject: 'rpc.contacts.tag.operation.get',
    input: z.object({ id: Id }).strict(),
    output: TagOperation,
  },
} as const;
