import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { CompanyDirectoryModule } from '../companies/company-directory.module';
import { ContactsModule } from '../contacts/contacts.module';
import { ContactRulesModule } from '../settings/contact-rules.module';
import { ImportBatchService } from './import-batch.service';
import { ImportCompanies } from './import-companies';
import { ImportContactsRepository } from './import-contacts.repository';
import { ImportQueue } from './import-queue.repository';
import { ImportRunner } from './import-runner.service';
import { ImportUploads } from './import-uploads.repository';
import { ImportWorker } from './import.worker';
import { ImportsHandler } from './imports.handler';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** CSV imports: RPC edge, BullMQ worker, and the batch pipeline between them. */
@Module({
  imports: [ContactsModule, ContactRulesModule, CompanyDirectoryModule, CompaniesModule],
  controllers: [ImportsHandler],
  providers: [
    ImportsRepository,
    ImportContactsRepository,
    ImportUploads,
    ImportQueue,
    ImportBatchService,
    ImportCompanies,
    ImportRunner,
    ImportsService,
    ImportWorker,
  ],
})
export class ImportsModule {}
