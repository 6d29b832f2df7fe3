import { Module } from '@nestjs/common';
import { ProjectionConsumer } from './projection.consumer';
import { ProjectionHandler } from './projection.handler';
import { ProjectionRepository } from './projection.repository';
import { ProjectionService } from './projection.service';

@Module({
  controllers: [ProjectionHandler],
  providers: [ProjectionRepository, ProjectionService, ProjectionConsumer],
})
export class ProjectionModule {}
