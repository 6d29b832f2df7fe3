import { Module } from '@nestjs/common';
import { ContactsExportController } from './contacts-export.controller';
import { ContactsExportService } from './contacts-export.service';
import { ContactsController } from './contacts.controller';

@Module({
  controllers: [ContactsController, ContactsExportController],
  providers: [ContactsExportService],
})
export class ContactsModule {}
