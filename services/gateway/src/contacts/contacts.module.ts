import { Module } from '@nestjs/common';
import { ContactsExportController } from './contacts-export.controller';
import { ContactsExportService } from './contacts-export.service';
import { ContactWritesController } from './contact-writes.controller';
import { ContactsController } from './contacts.controller';
import { ChannelConsentController } from './channel-consent.controller';
import { ContactPrivacyController } from './contact-privacy.controller';
import { PersonDataService } from './person-data.service';

@Module({
  controllers: [
    ContactsController,
    ContactsExportController,
    ContactWritesController,
    ChannelConsentController,
    ContactPrivacyController,
  ],
  providers: [ContactsExportService, PersonDataService],
})
export class ContactsModule {}
