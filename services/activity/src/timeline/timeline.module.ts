import { Module } from '@nestjs/common';
import { TimelineConsumer } from './timeline.consumer';
import { TimelineHandler } from './timeline.handler';
import { TimelineRepository } from './timeline.repository';
import { TimelineService } from './timeline.service';

@Module({
  controllers: [TimelineHandler],
  providers: [TimelineRepository, TimelineService, TimelineConsumer],
  exports: [TimelineService],
})
export class TimelineModule {}
