import { Module } from '@nestjs/common';
import { FieldTypesRepository } from './field-types.repository';
import { ProjectionConsumer } from './projection.consumer';
import { ProjectionHandler } from './projection.handler';
import { ProjectionRepository } from './projection.repository';
import { ProjectionService } from './projection.service';

/** The profiles of the segments database, built from contact, activity and fit events. */
@Module({
  controllers: [ProjectionHandler],
  providers: [ProjectionRepository, FieldTypesRepository, ProjectionService, ProjectionConsumer],
  exports: [ProjectionRepository],
})
export class ProjectionModule {}
