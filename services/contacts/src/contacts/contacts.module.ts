import { Module } from '@nestjs/common';
import { ContactRulesModule } from '../settings/contact-rules.module';
import { ContactsHandler } from './contacts.handler';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

@Module({
  imports: [ContactRulesModule],
  controllers: [ContactsHandler],
  providers: [ContactsService, ContactsRepository],
  exports: [ContactsService, ContactsRepository],
})
export class ContactsModule {}
