import { Module } from '@nestjs/common';
import { FieldTypesRepository } from './field-types.repository';
import { ProjectionConsumer } from './projection.consumer';
import { ProjectionHandler } from './projection.handler';
import { ProjectionRepository } from './projection.repository';
import { ProjectionService } from './projection.service';
import { ContactSnapshotsClient } from './contact-snapshots.client';
import { ProjectionRebuildService } from './projection-rebuild.service';
import { RebuildRepository } from './rebuild.repository';
import { PersonRecordsRepository } from './person-records.repository';
import { PersonExportService } from './person-export.service';

/**
 * The profiles of the segments database, built from contact, activity and fit events, and
 * rebuilt from the contacts service when they are lost (decision 0085).
 */
@Module({
  controllers: [ProjectionHandler],
  providers: [
    ProjectionRepository,
    FieldTypesRepository,
    ProjectionService,
    RebuildRepository,
    ContactSnapshotsClient,
    ProjectionRebuildService,
    ProjectionConsumer,
    PersonRecordsRepository,
    PersonExportService,
  ],
  exports: [ProjectionRepository],
})
export class ProjectionModule {}
