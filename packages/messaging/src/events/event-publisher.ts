import { headers as natsHeaders, JSONCodec, type JetStreamClient, type PubAck } from 'nats';
import type { EventEnvelope } from '@switchboard/contracts';
import { currentTraceparent, ServiceTracer, SpanKind } from '@switchboard/tracing';
import { REQUEST_ID_HEADER, TRACEPARENT_HEADER } from '../correlation';
import type { SubjectNamespace } from '../namespace';
import { DLQ_HEADERS } from './dead-letter';

const codec = JSONCodec<EventEnvelope>();

/** The consumer name of the relay's dead letters: `dlq.outbox.crm.<ws>.<type>`. */
export const OUTBOX_DLQ = 'outbox';

/** Publishes an envelope to `crm.<ws>.<type>` with `Nats-Msg-Id` = event id, waiting for the ack. */
export class EventPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly ns: SubjectNamespace,
    private readonly tracer?: ServiceTracer,
  ) {}

  /**
   * With traces on, a producer span child of the write that staged the event (its envelope's
   * `traceparent`), sent as the `traceparent` header; off, the envelope's value is sent as is.
   */
  async publish(event: EventEnvelope): Promise<PubAck> {
    const send = () => {
      const h = natsHeaders();
      if (event.requestId) h.set(REQUEST_ID_HEADER, event.requestId);
      const traceparent = currentTraceparent() ?? event.traceparent;
      if (traceparent) h.set(TRACEPARENT_HEADER, traceparent);
      return this.js.publish(this.ns.event(event.workspaceId, event.type), codec.encode(event), {
        msgID: event.id,
        headers: h,
      });
    };
    if (!this.tracer?.enabled) return send();
    return this.tracer.inSpan(
      `publish ${event.type}`,
      {
        kind: SpanKind.PRODUCER,
        parent: event.traceparent,
        attributes: { 'messaging.system': 'nats', 'messaging.message.id': event.id },
      },
      send,
    );
  }

  /**
   * Sets aside an event that could not be published: its envelope goes to
   * `dlq.outbox.crm.<ws>.<type>` with the reason, its `data` replaced by a note of its size (the
   * data is what made it too large), so an operator sees which aggregate and change it was.
   */
  async deadLetter(event: EventEnvelope, error: string): Promise<PubAck> {
    const subject = this.ns.event(event.workspaceId, event.type);
    const bytes = codec.encode(event).length;
    const h = natsHeaders();
    h.set(DLQ_HEADERS.reason, 'unpublishable');
    h.set(DLQ_HEADERS.error, error.replace(/[\r\n]+/g, ' ').slice(0, 1000));
    h.set(DLQ_HEADERS.subject, this.ns.strip(subject));
    h.set(DLQ_HEADERS.consumer, OUTBOX_DLQ);
    if (event.requestId) h.set(REQUEST_ID_HEADER, event.requestId);
    const body = { ...event, data: { omitted: true, bytes } };
    return this.js.publish(this.ns.deadLetter(OUTBOX_DLQ, subject), codec.encode(body), {
      msgID: `${OUTBOX_DLQ}:${event.id}`,
      headers: h,
    });
  }
}
