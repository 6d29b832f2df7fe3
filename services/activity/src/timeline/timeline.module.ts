import { Module } from '@nestjs/common';
import { TimelineHandler } from './timeline.handler';
import { TimelineRepository } from './timeline.repository';
import { TimelineService } from './timeline.service';

@Module({
  controllers: [TimelineHandler],
  providers: [TimelineRepository, TimelineService],
  exports: [TimelineService],
})
export class TimelineModule {}
