import { Module } from '@nestjs/common';
import { CompanyDirectoryModule } from '../companies/company-directory.module';
import { ContactRulesModule } from '../settings/contact-rules.module';
import { ContactsHandler } from './contacts.handler';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

@Module({
  imports: [ContactRulesModule, CompanyDirectoryModule],
  controllers: [ContactsHandler],
  providers: [ContactsService, ContactsRepository],
  exports: [ContactsService, ContactsRepository],
})
export class ContactsModule {}
