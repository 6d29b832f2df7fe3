import { Module } from '@nestjs/common';
import { ContactsExportController } from './contacts-export.controller';
import { ContactsExportService } from './contacts-export.service';
import { ContactWritesController } from './contact-writes.controller';
import { ContactsController } from './contacts.controller';

@Module({
  controllers: [ContactsController, ContactsExportController, ContactWritesController],
  providers: [ContactsExportService],
})
export class ContactsModule {}
