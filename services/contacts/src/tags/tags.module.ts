import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { TagOperationRunner } from './tag-operation.runner';
import { TagOperationWorker } from './tag-operation.worker';
import { TagOperationsQueue } from './tag-operations.queue';
import { TagsHandler } from './tags.handler';
import { TagsRepository } from './tags.repository';
import { TagsService } from './tags.service';

/** The tag library: definitions, and tag operations across contacts on BullMQ. */
@Module({
  imports: [ContactsModule],
  controllers: [TagsHandler],
  providers: [
    TagsRepository,
    TagsService,
    TagOperationsQueue,
    TagOperationRunner,
    TagOperationWorker,
  ],
  exports: [TagsRepository],
})
export class TagsModule {}
