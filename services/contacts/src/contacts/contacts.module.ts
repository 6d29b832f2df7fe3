import { Module } from '@nestjs/common';
import { ContactsHandler } from './contacts.handler';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

@Module({
  controllers: [ContactsHandler],
  providers: [ContactsService, ContactsRepository],
})
export class ContactsModule {}
