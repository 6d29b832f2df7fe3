import { Inject, Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  type ListWebhookDeliveriesQuery,
  type Page,
  type RequestContext,
  type WebhookDelivery,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import { CONFIG } from '@switchboard/runtime';
import type { WebhooksConfig } from '../config';
import type { WebhookDoc } from '../webhooks/webhook.schema';
import { WebhooksRepository } from '../webhooks/webhooks.repository';
import { WebhooksService } from '../webhooks/webhooks.service';
import { retryDelay } from './backoff';
import { DeliveriesRepository, deliveryId } from './deliveries.repository';
import { DeliveryQueueRepository } from './delivery-queue.repository';
import type { DeliveryDoc } from './delivery.schema';
import { toDelivery } from './delivery.mapper';
import { contactOf, matchesEvent, matchesSegment } from './event-match';
import { signatureHeader } from './signing';
import { WebhookSender } from './webhook-sender';

/** What the worker should do after an attempt. */
export type AttemptOutcome =
  { kind: 'done' } | { kind: 'retry'; error: string } | { kind: 'wait'; untilMs: number };

/** The body an endpoint receives: the event as published, named the Standard Webhooks way. */
export const payloadOf = (event: EventEnvelope): string =>
  JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt,
    data: {
      eventId: event.id,
      workspaceId: event.workspaceId,
      version: event.version,
      aggregate: event.aggregate,
      actor: event.actor,
      ...((event.data ?? {}) as object),
    },
  });

/**
 * Deliveries: made from events (one per event and matching endpoint), attempted by the worker,
 * listed, retried by hand. The endpoint's failure record and its switch-off live here too.
 */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly queue: DeliveryQueueRepository,
    private readonly endpoints: WebhooksRepository,
    private readonly webhooks: WebhooksService,
    private readonly sender: WebhookSender,
    @Inject(CONFIG) private readonly config: WebhooksConfig,
  ) {}

  /** One delivery per event and matching endpoint, stored, then queued (idempotent). */
  async fromEvents(events: { event: EventEnvelope; seq: number }[]): Promise<number> {
    const byWorkspace = new Map<string, { event: EventEnvelope; seq: number }[]>();
    for (const e of events) {
      const list = byWorkspace.get(e.event.workspaceId) ?? [];
      list.push(e);
      byWorkspace.set(e.event.workspaceId, list);
    }
    const docs: DeliveryDoc[] = [];
    await Promise.all(
      [...byWorkspace].map(async ([workspaceId, list]) => {
        const endpoints = await this.endpoints.enabledIn(workspaceId);
        if (endpoints.length === 0) return;
        for (const { event, seq } of list) {
          let body: string | undefined;
          for (const w of endpoints) {
            if (!matchesEvent(w.events, event.type)) continue;
            if (!matchesSegment(w.segmentIds, event.type, event.data)) continue;
            body ??= payloadOf(event);
            docs.push(this.newDelivery(w, event, seq, body));
          }
        }
      }),
    );
    await this.deliveries.insertMany(docs);
    await this.queue.add(
      docs.map((d) => ({ workspaceId: d.workspaceId, deliveryId: d._id, webhookId: d.webhookId })),
    );
    return docs.length;
  }

  async list(
    ctx: RequestContext,
    webhookId: string,
    q: ListWebhookDeliveriesQuery,
  ): Promise<Page<WebhookDelivery>> {
    await this.webhooks.load(ctx.workspaceId, webhookId);
    const page = await this.deliveries.page(
      ctx.workspaceId,
      webhookId,
      q.status,
      q.limit,
      q.cursor,
    );
    return { items: page.items.map(toDelivery), nextCursor: page.nextCursor };
  }

  /** Sends a finished delivery again, with a fresh series of attempts. */
  async retry(ctx: RequestContext, webhookId: string, id: string): Promise<WebhookDelivery> {
    await this.webhooks.load(ctx.workspaceId, webhookId);
    const d = await this.deliveries.findById(ctx.workspaceId, id);
    if (!d || d.webhookId !== webhookId) throw AppError.notFound('delivery', id);
    if (d.status === 'pending') throw new AppError('conflict', `delivery ${id} is still pending`);
    const retries = d.retries + 1;
    await this.deliveries.setStatus(d, 'pending', { retries, nextAttemptAt: new Date() });
    await this.queue.addRetry({ workspaceId: d.workspaceId, deliveryId: d._id }, retries);
    return toDelivery({ ...d, status: 'pending', retries, nextAttemptAt: new Date() });
  }

  /** A sample `webhook.test` event, delivered like any other. */
  async test(ctx: RequestContext, webhookId: string): Promise<WebhookDelivery> {
    const w = await this.webhooks.load(ctx.workspaceId, webhookId);
    const now = new Date();
    const event: EventEnvelope = {
      id: newId(),
      type: 'webhook.test',
      version: 1,
      workspaceId: ctx.workspaceId,
      occurredAt: now.toISOString(),
      actor: ctx.actor,
      aggregate: { type: 'webhook', id: w._id, version: w.version },
      data: { message: 'A test delivery from Switchboard' },
    };
    const doc = { ...this.newDelivery(w, event, 0, payloadOf(event)), orderKey: null };
    await this.deliveries.insert(doc);
    await this.queue.add([{ workspaceId: doc.workspaceId, deliveryId: doc._id }]);
    return toDelivery(doc);
  }

  /**
   * One attempt of a delivery (the worker's job). `lastAttempt`: BullMQ will not try again, so a
   * failure now gives the delivery up.
   */
  async attempt(
    job: { workspaceId: string; deliveryId: string; webhookId?: string },
    lastAttempt: boolean,
  ): Promise<AttemptOutcome> {
    const { workspaceId, deliveryId: id } = job;
    const [d, early] = await Promise.all([
      this.deliveries.findById(workspaceId, id),
      job.webhookId ? this.endpoints.findById(workspaceId, job.webhookId) : null,
    ]);
    if (!d || d.status !== 'pending') return { kind: 'done' }; // finished, or a stale job
    const w =
      early && early._id === d.webhookId
        ? early
        : await this.endpoints.findById(workspaceId, d.webhookId);
    if (!w || !w.enabled) {
      await this.deliveries.setStatus(d, 'failed', { nextAttemptAt: null });
      return { kind: 'done' };
    }
    if (w.orderedByContact && d.orderKey) {
      const older = await this.deliveries.olderPending(d);
      if (older) {
        const at = older.nextAttemptAt?.getTime() ?? 0;
        return {
          kind: 'wait',
          untilMs: Math.max(at, Date.now()) + this.config.WEBHOOK_ORDER_WAIT_MS,
        };
      }
    }
    const at = new Date();
    const timestamp = Math.floor(at.getTime() / 1000);
    const result = await this.sender.post(
      w.url,
      {
        'webhook-id': d._id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(
          this.webhooks.liveSecrets(w, at),
          d._id,
          timestamp,
          d.body,
        ),
      },
      d.body,
    );
    const attempt = {
      at,
      responseCode: result.responseCode,
      latencyMs: result.latencyMs,
      error: result.error,
    };
    if (result.ok) {
      await this.deliveries.recordAttempt(d, attempt, 'succeeded', null);
      if (w.failingSince) await this.recovered(w);
      return { kind: 'done' };
    }
    const givenUp =
      lastAttempt || at.getTime() - d.createdAt.getTime() >= this.config.WEBHOOK_RETRY_WINDOW_MS;
    const next = givenUp
      ? null
      : new Date(
          at.getTime() +
            retryDelay(
              d.attempts + 1,
              this.config.WEBHOOK_RETRY_BASE_MS,
              this.config.WEBHOOK_RETRY_MAX_MS,
            ),
        );
    await this.deliveries.recordAttempt(d, attempt, givenUp ? 'failed' : 'pending', next);
    await this.failing(w, at);
    return givenUp
      ? { kind: 'done' }
      : { kind: 'retry', error: result.error ?? `HTTP ${result.responseCode}` };
  }

  private newDelivery(w: WebhookDoc, event: EventEnvelope, seq: number, body: string): DeliveryDoc {
    const contactId = w.orderedByContact ? contactOf(event) : null;
    const now = new Date();
    return {
      _id: deliveryId(w._id, event.id),
      workspaceId: w.workspaceId,
      webhookId: w._id,
      eventId: event.id,
      eventType: event.type,
      orderKey: contactId ? `${w._id}:${contactId}` : null,
      seq,
      body,
      status: 'pending',
      attempts: 0,
      responseCode: null,
      latencyMs: null,
      attemptLog: [],
      nextAttemptAt: now,
      retries: 0,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** A success ends the endpoint's failure record. */
  private async recovered(w: WebhookDoc): Promise<void> {
    await this.webhooks
      .mutate(w.workspaceId, w._id, (cur) =>
        cur.failingSince
          ? {
              next: { ...cur, failingSince: null, version: cur.version + 1, updatedAt: new Date() },
              events: [],
            }
          : null,
      )
      .catch(ignoreGone);
  }

  /**
   * A failure starts the endpoint's failure record, or, once it is older than the disable
   * period, switches the endpoint off and tells its owner (`webhook.endpoint.disabled`).
   */
  private async failing(w: WebhookDoc, at: Date): Promise<void> {
    const limit = this.config.WEBHOOK_DISABLE_AFTER_MS;
    await this.webhooks
      .mutate(w.workspaceId, w._id, (cur) => {
        if (!cur.enabled) return null;
        const since = cur.failingSince ? new Date(cur.failingSince) : at;
        const disable = at.getTime() - since.getTime() >= limit;
        if (!disable && cur.failingSince) return null;
        const next: WebhookDoc = {
          ...cur,
          failingSince: since,
          version: cur.version + 1,
          updatedAt: at,
          ...(disable ? { enabled: false, disabledReason: 'failing' as const } : {}),
        };
        const events = disable
          ? [
              buildEvent('webhook.endpoint.disabled', {
                workspaceId: cur.workspaceId,
                actor: { type: 'service', id: 'webhooks' },
                aggregateId: cur._id,
                aggregateVersion: next.version,
                occurredAt: at,
                data: {
                  webhookId: cur._id,
                  url: cur.url,
                  owner: cur.createdBy,
                  failingSince: since.toISOString(),
                  reason: 'failing',
                },
              }),
            ]
          : [];
        return { next, events };
      })
      .catch(ignoreGone);
  }
}

/** The endpoint was deleted meanwhile: nothing to record. */
const ignoreGone = (err: unknown) => {
  if (AppError.from(err).code !== 'not_found') throw err;
};
