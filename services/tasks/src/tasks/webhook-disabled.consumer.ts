import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventData, EventEnvelope } from '@switchboard/contracts';
import { isDuplicateKeyError } from '@switchboard/storage';
import { EventWiring } from '@switchboard/runtime';
import { NO_DUE, type TaskDoc } from './task.schema';
import { taskEvent, TaskWriter } from './task-writer';

type Disabled = EventEnvelope<EventData<'webhook.endpoint.disabled'>>;

/**
 * Durable consumer `tasks-webhook-disabled` (decision 0147): an endpoint the webhooks service
 * switched off becomes a high-priority task, anchored to the endpoint, for the user who created
 * it (the pool when an API key or a service did), so it shows in their task list. The task's id is
 * the event's: a redelivered or replayed event finds it made.
 */
@Injectable()
export class WebhookDisabledConsumer implements OnModuleInit {
  static readonly durable = 'tasks-webhook-disabled';

  constructor(
    private readonly wiring: EventWiring,
    private readonly writer: TaskWriter,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.onEvent(
      WebhookDisabledConsumer.durable,
      'webhook.endpoint.disabled',
      (event) => this.record(event),
    );
  }

  private async record(event: Disabled): Promise<void> {
    const doc = taskFor(event);
    await this.writer
      .insert(doc, [taskEvent('task.created', event.actor, doc, {})])
      .catch((err: unknown) => {
        if (!isDuplicateKeyError(err)) throw err;
      });
  }
}

/** The task that tells an endpoint's owner it was switched off, and what to do. */
export function taskFor(event: Disabled): TaskDoc {
  const { webhookId, url, owner, failingSince } = event.data;
  const now = new Date();
  return {
    _id: event.id,
    workspaceId: event.workspaceId,
    title: `Webhook endpoint disabled: ${url}`.slice(0, 300),
    description:
      `Every delivery to ${url} has failed since ${failingSince}, so Switchboard switched the ` +
      `endpoint off (webhook ${webhookId}). Fix the receiver, then switch it on again with ` +
      `PATCH /v1/webhooks/${webhookId} {"enabled": true}. Events that happened while it was off ` +
      `are not sent; failed deliveries can be sent again from GET /v1/webhooks/${webhookId}/deliveries.`,
    priority: 'high',
    status: 'open',
    dueAt: null,
    dueSort: NO_DUE,
    assigneeId: owner.type === 'user' ? owner.id : null,
    anchor: { type: 'webhook', id: webhookId },
    contactId: null,
    completedAt: null,
    completedBy: null,
    deleted: false,
    reminderState: 'none',
    reminderVersion: 0,
    reminderFiredAt: null,
    createdBy: event.actor,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}
