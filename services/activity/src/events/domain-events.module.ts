import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PeopleModule } from '../people/people.module';
import { TimelineModule } from '../timeline/timeline.module';
import { DomainEventsConsumer } from './domain-events.consumer';

@Module({ imports: [TimelineModule, AuditModule, PeopleModule], providers: [DomainEventsConsumer] })
export class DomainEventsModule {}
