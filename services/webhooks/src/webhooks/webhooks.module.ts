import { Module } from '@nestjs/common';
import { CONFIG } from '@switchboard/runtime';
import type { WebhooksConfig } from '../config';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveriesService } from '../deliveries/deliveries.service';
import { DeliveryPurge } from '../deliveries/delivery-purge';
import { DeliveryQueueRepository } from '../deliveries/delivery-queue.repository';
import { DeliveryWorker } from '../deliveries/delivery.worker';
import { EventsConsumer } from '../deliveries/events.consumer';
import { WebhookSender } from '../deliveries/webhook-sender';
import { SecretBox } from '../secrets/secret-box';
import { SecretResealer } from '../secrets/secret-resealer';
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
    DeliveryPurge,
    {
      provide: SecretBox,
      useFactory: (config: WebhooksConfig) => new SecretBox(config.WEBHOOK_SECRET_KEYS),
      inject: [CONFIG],
    },
    SecretResealer,
  ],
})
export class WebhooksModule {}
