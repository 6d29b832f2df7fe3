import { Module } from '@nestjs/common';
import { InfraModule, RpcClientModule, type ServiceOptions } from '@switchboard/runtime';
import { AuditModule } from './audit/audit.module';
import { CommunicationsModule } from './communications/communications.module';
import type { ActivityConfig } from './config';
import { DomainEventsModule } from './events/domain-events.module';
import { MessagingModule } from './messaging/messaging.module';
import { PeopleModule } from './people/people.module';
import { NotesModule } from './notes/notes.module';
import { TimelineModule } from './timeline/timeline.module';

@Module({})
export class AppModule {}

/** Everything needed to start the activity service (used by main.ts and by the tests). */
export const activityService = (config: ActivityConfig): ServiceOptions => ({
  service: 'activity',
  config,
  rpc: true,
  module: {
    module: AppModule,
    imports: [
      InfraModule.forRoot('activity', config),
      RpcClientModule,
      TimelineModule,
      AuditModule,
      DomainEventsModule,
      NotesModule,
      CommunicationsModule,
      MessagingModule,
      PeopleModule,
    ],
  },
});
