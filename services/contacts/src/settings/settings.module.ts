import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { TagsModule } from '../tags/tags.module';
import { ContactRulesModule } from './contact-rules.module';
import { ContactSettingsService } from './contact-settings.service';
import { CustomFieldsService } from './custom-fields.service';
import { DedupRecomputeService } from './dedup-recompute.service';
import { SettingsHandler } from './settings.handler';
import { TagLibraryService } from './tag-library.service';

/** Workspace configuration of contacts (the rules themselves live in ContactRulesModule). */
@Module({
  imports: [ContactRulesModule, ContactsModule, TagsModule],
  controllers: [SettingsHandler],
  providers: [
    CustomFieldsService,
    ContactSettingsService,
    DedupRecomputeService,
    TagLibraryService,
  ],
})
export class SettingsModule {}
