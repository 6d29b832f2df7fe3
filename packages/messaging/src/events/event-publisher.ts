import { headers as natsHeaders, JSONCodec, type JetStreamClient, type PubAck } from 'nats';
import type { EventEnvelope } from '@switchboard/contracts';
import { REQUEST_ID_HEADER } from '../correlation';
import type { SubjectNamespace } from '../namespace';

const codec = JSONCodec<EventEnvelope>();

/** Publishes an envelope to `crm.<ws>.<type>` with `Nats-Msg-Id` = event id, waiting for the ack. */
export class EventPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly ns: SubjectNamespace,
  ) {}

  async publish(event: EventEnvelope): Promise<PubAck> {
    const h = natsHeaders();
    if (event.requestId) h.set(REQUEST_ID_HEADER, event.requestId);
    return this.js.publish(this.ns.event(event.workspaceId, event.type), codec.encode(event), {
      msgID: event.id,
      headers: h,
    });
  }
}
