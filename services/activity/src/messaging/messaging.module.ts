import { Module } from '@nestjs/common';
import { TimelineModule } from '../timeline/timeline.module';
import { ContactResolver } from './contact-resolver';
import { IngestionService } from './ingestion.service';
import { MessagingConsumer } from './messaging.consumer';
import { ParkedMessagesRepository } from './parked-messages.repository';
import { RematchConsumer } from './rematch.consumer';

@Module({
  imports: [TimelineModule],
  providers: [
    ContactResolver,
    ParkedMessagesRepository,
    IngestionService,
    MessagingConsumer,
    RematchConsumer,
  ],
})
export class MessagingModule {}
