import { Module } from '@nestjs/common';
import { CompanyDirectoryModule } from '../companies/company-directory.module';
import { ContactsModule } from '../contacts/contacts.module';
import { ContactRulesModule } from '../settings/contact-rules.module';
import { LeadConversionService } from './lead-conversion.service';
import { LeadsHandler } from './leads.handler';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

/** Leads: capture, workflow, round-robin, conversion into contacts (decisions 60–62). */
@Module({
  imports: [ContactsModule, ContactRulesModule, CompanyDirectoryModule],
  controllers: [LeadsHandler],
  providers: [LeadsService, LeadsRepository, LeadConversionService],
})
export class LeadsModule {}
