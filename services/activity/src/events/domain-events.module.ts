import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TimelineModule } from '../timeline/timeline.module';
import { DomainEventsConsumer } from './domain-events.consumer';

@Module({ imports: [TimelineModule, AuditModule], providers: [DomainEventsConsumer] })
export class DomainEventsModule {}
