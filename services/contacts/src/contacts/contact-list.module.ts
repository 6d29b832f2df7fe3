import { Module } from '@nestjs/common';
import { ContactRulesModule } from '../settings/contact-rules.module';
import { ContactExportRepository } from './contact-export.repository';
import { ContactListBackfill } from './contact-list-backfill';
import { ContactListHandler } from './contact-list.handler';
import { ContactListRepository } from './contact-list.repository';
import { ContactListService } from './contact-list.service';
import { ContactsModule } from './contacts.module';

/** Contact reads over many contacts: list/search and CSV export pages. */
@Module({
  imports: [ContactsModule, ContactRulesModule],
  controllers: [ContactListHandler],
  providers: [
    ContactListService,
    ContactListRepository,
    ContactExportRepository,
    ContactListBackfill,
  ],
})
export class ContactListModule {}
