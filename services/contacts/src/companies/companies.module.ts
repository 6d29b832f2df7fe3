import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { ContactRulesModule } from '../settings/contact-rules.module';
import { CompaniesHandler } from './companies.handler';
import { CompaniesService } from './companies.service';
import { CompanyContactsService } from './company-contacts.service';
import { CompanyDirectoryModule } from './company-directory.module';
import { CompanyDomains } from './company-domains';
import { CompanyMergeService } from './company-merge.service';

@Module({
  imports: [CompanyDirectoryModule, ContactRulesModule, ContactsModule],
  controllers: [CompaniesHandler],
  providers: [CompaniesService, CompanyDomains, CompanyMergeService, CompanyContactsService],
  exports: [CompaniesService],
})
export class CompaniesModule {}
