import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { CommunicationsController } from './communications.controller';
import { NotesController } from './notes.controller';
import { TimelineController } from './timeline.controller';
import { TimelineService } from './timeline.service';

@Module({
  controllers: [TimelineController, CommunicationsController, NotesController, AuditController],
  providers: [TimelineService],
})
export class ActivityModule {}
