import { Module } from '@nestjs/common';
import { ContactRulesService } from './contact-rules.service';
import { ContactSettingsRepository } from './contact-settings.repository';
import { CustomFieldsRepository } from './custom-fields.repository';
import { CustomFieldTypesService } from './custom-field-types.service';

/** Configuration storage and the rules service, shared by the contact, settings and company modules. */
@Module({
  providers: [
    ContactRulesService,
    ContactSettingsRepository,
    CustomFieldsRepository,
    CustomFieldTypesService,
  ],
  exports: [
    ContactRulesService,
    ContactSettingsRepository,
    CustomFieldsRepository,
    CustomFieldTypesService,
  ],
})
export class ContactRulesModule {}
