import { Module } from '@nestjs/common';
import { CompanyMergedConsumer } from './company-merged.consumer';
import { ContactErasedConsumer } from './contact-erased.consumer';
import { ContactMergedConsumer } from './contact-merged.consumer';
import { DealUpdatedConsumer } from './deal-updated.consumer';
import { ReminderWorker } from './reminder.worker';
import { RemindersRepository } from './reminders.repository';
import { TaskWriter } from './task-writer';
import { TasksHandler } from './tasks.handler';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';
import { WebhookDisabledConsumer } from './webhook-disabled.consumer';

@Module({
  controllers: [TasksHandler],
  providers: [
    TasksRepository,
    RemindersRepository,
    TaskWriter,
    TasksService,
    ReminderWorker,
    ContactMergedConsumer,
    CompanyMergedConsumer,
    ContactErasedConsumer,
    DealUpdatedConsumer,
    WebhookDisabledConsumer,
  ],
})
export class TasksModule {}
