import { Module } from '@nestjs/common';
import { ContactSettingsController } from './contact-settings.controller';
import { CustomFieldsController } from './custom-fields.controller';
import { TagsController } from './tags.controller';

/** Workspace configuration of contacts: custom fields, stages / lead sources / dedup, tags. */
@Module({ controllers: [CustomFieldsController, ContactSettingsController, TagsController] })
export class SettingsModule {}
