import { headers as natsHeaders, type JetStreamClient, type JsMsg } from 'nats';
import type { SubjectNamespace } from '../namespace';

export const DLQ_HEADERS = {
  reason: 'x-dlq-reason',
  error: 'x-dlq-error',
  subject: 'x-dlq-original-subject',
  stream: 'x-dlq-original-stream',
  sequence: 'x-dlq-original-seq',
  deliveries: 'x-dlq-deliveries',
  consumer: 'x-dlq-consumer',
} as const;

/** `unpublishable`: an outbox event that no retry could publish (the relay's, see EventPublisher). */
export type DeadLetterReason =
  'invalid' | 'rejected' | 'exhausted' | 'unpublishable' | 'workspace_mismatch';

/**
 * Why an event may not be handled although it parses: its subject (`crm.<ws>.…`,
 * `messaging.<ws>.…`, the part NATS permissions are granted on) names another workspace than
 * its envelope's `workspaceId` (what handlers act on). Undefined when they agree, or when the
 * payload names no workspace (inbound messaging payloads: the subject alone names it).
 */
export function workspaceMismatch(contractSubject: string, raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object' || !('workspaceId' in raw)) return undefined;
  const envelopeWs = raw.workspaceId;
  const subjectWs = contractSubject.split('.')[1];
  if (envelopeWs === subjectWs) return undefined;
  return `subject names workspace ${JSON.stringify(subjectWs ?? null)}, envelope ${JSON.stringify(envelopeWs)}`;
}

/** Copies a message that cannot be processed to `dlq.<consumer>.<subject>` with the reason. */
export async function deadLetter(
  js: JetStreamClient,
  ns: SubjectNamespace,
  consumer: string,
  msg: JsMsg,
  reason: DeadLetterReason,
  error: string,
): Promise<void> {
  const h = natsHeaders();
  h.set(DLQ_HEADERS.reason, reason);
  // Header values may not hold line breaks.
  h.set(DLQ_HEADERS.error, error.replace(/[\r\n]+/g, ' ').slice(0, 1000));
  h.set(DLQ_HEADERS.subject, ns.strip(msg.subject));
  h.set(DLQ_HEADERS.stream, msg.info.stream);
  h.set(DLQ_HEADERS.sequence, String(msg.info.streamSequence));
  h.set(DLQ_HEADERS.deliveries, String(msg.info.redeliveryCount));
  h.set(DLQ_HEADERS.consumer, consumer);
  await js.publish(ns.deadLetter(consumer, msg.subject), msg.data, {
    headers: h,
    msgID: `${consumer}:${msg.info.stream}:${msg.info.streamSequence}`,
  });
}
