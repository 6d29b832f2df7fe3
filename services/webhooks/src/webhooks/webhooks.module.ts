import { Module } from '@nestjs/common';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveriesService } from '../deliveries/deliveries.service';
import { DeliveryQueueRepository } from '../deliveries/delivery-queue.repository';
import { DeliveryWorker } from '../deliveries/delivery.worker';
import { EventsConsumer } from '../deliveries/events.consumer';
import { WebhookSender } from '../deliveries/webhook-sender';
import { WebhooksHandler } from './webhooks.handler';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

@Module({
  controllers: [WebhooksHandler],
  providers: [
    WebhooksRepository,
    DeliveriesRepository,
    DeliveryQueueRepository,
    WebhookSender,
    WebhooksService,
    DeliveriesService,
    DeliveryWorker,
    EventsConsumer,
  ],
})
export class WebhooksModule {}
