import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { ErasureHandler } from './erasure.handler';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { PersonExportService } from './person-export.service';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';
import { RetentionWorker } from './retention.worker';

/** Erasure of a person, and their data export (decision 0131). */
@Module({
  imports: [ContactsModule],
  controllers: [ErasureHandler],
  providers: [
    ErasureService,
    ErasureRepository,
    PersonExportService,
    RetentionRepository,
    RetentionService,
    RetentionWorker,
  ],
  exports: [ErasureService, RetentionService],
})
export class ErasureModule {}
