import { Module } from '@nestjs/common';
import { ContactRulesService } from './contact-rules.service';
import { ContactSettingsRepository } from './contact-settings.repository';
import { CustomFieldsRepository } from './custom-fields.repository';

/** Configuration storage and the rules service, shared by the contact, settings and company modules. */
@Module({
  providers: [ContactRulesService, ContactSettingsRepository, CustomFieldsRepository],
  exports: [ContactRulesService, ContactSettingsRepository, CustomFieldsRepository],
})
export class ContactRulesModule {}
