import { Module } from '@nestjs/common';
import { ContactsExportController } from './contacts-export.controller';
import { ContactsExportService } from './contacts-export.service';
import { ContactWritesController } from './contact-writes.controller';
import { ContactsController } from './contacts.controller';
import { ChannelConsentController } from './channel-consent.controller';

@Module({
  controllers: [
    ContactsController,
    ContactsExportController,
    ContactWritesController,
    ChannelConsentController,
  ],
  providers: [ContactsExportService],
})
export class ContactsModule {}
