import { Module } from '@nestjs/common';
import { CompanyDirectoryModule } from '../companies/company-directory.module';
import { ContactRulesModule } from '../settings/contact-rules.module';
import { SuppressionStoreModule } from '../suppressions/suppression-store.module';
import { ContactConsentHandler } from './contact-consent.handler';
import { ContactConsentService } from './contact-consent.service';
import { ContactBulkRepository } from './contact-bulk.repository';
import { ContactBulkService } from './contact-bulk.service';
import { ContactMergeService } from './contact-merge.service';
import { ContactSnapshotsHandler } from './contact-snapshots.handler';
import { ContactSnapshotsRepository } from './contact-snapshots.repository';
import { ContactSnapshotsService } from './contact-snapshots.service';
import { ContactWritesHandler } from './contact-writes.handler';
import { ContactWritesService } from './contact-writes.service';
import { ContactsHandler } from './contacts.handler';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

@Module({
  imports: [ContactRulesModule, CompanyDirectoryModule, SuppressionStoreModule],
  controllers: [
    ContactsHandler,
    ContactWritesHandler,
    ContactSnapshotsHandler,
    ContactConsentHandler,
  ],
  providers: [
    ContactsService,
    ContactsRepository,
    ContactWritesService,
    ContactBulkService,
    ContactBulkRepository,
    ContactMergeService,
    ContactSnapshotsService,
    ContactSnapshotsRepository,
    ContactConsentService,
  ],
  exports: [ContactsService, ContactsRepository],
})
export class ContactsModule {}
