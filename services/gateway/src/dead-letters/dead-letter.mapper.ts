import type { StoredMsg } from 'nats';
import type { DeadLetter } from '@switchboard/contracts';
import type { DeadLetterReplayDoc } from './dead-letter-replay.schema';
import { dlqHeader } from './dead-letter-stream.repository';

/** Subject roots whose second token is the workspace: the only dead letters a workspace sees. */
const TENANT_ROOTS = new Set(['crm', 'messaging']);

/**
 * The workspace a dead letter belongs to, from its subject in contract form
 * (`dlq.<consumer>.<crm|messaging>.<workspaceId>.…`), or null.
 */
export function workspaceOf(subject: string): string | null {
  const t = subject.split('.');
  return t.length >= 5 && t[0] === 'dlq' && TENANT_ROOTS.has(t[2] ?? '') ? (t[3] ?? null) : null;
}

/** The subject the message was first published on, in contract form. */
export function originalSubjectOf(msg: StoredMsg, stripped: string): string {
  return dlqHeader(msg, 'subject') ?? stripped.split('.').slice(2).join('.');
}

const int = (v: string | null) => (v !== null && /^\d+$/.test(v) ? Number(v) : null);

function json(data: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(data).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

export function toDeadLetter(
  msg: StoredMsg,
  stripped: string,
  replay: DeadLetterReplayDoc | undefined,
): DeadLetter {
  const payload = json(msg.data);
  const fields = (payload && typeof payload === 'object' ? payload : {}) as Record<string, unknown>;
  const subject = originalSubjectOf(msg, stripped);
  return {
    id: String(msg.seq),
    consumer: dlqHeader(msg, 'consumer') ?? stripped.split('.')[1] ?? '',
    reason: dlqHeader(msg, 'reason') ?? 'unknown',
    error: dlqHeader(msg, 'error'),
    subject,
    stream: dlqHeader(msg, 'stream'),
    sequence: int(dlqHeader(msg, 'sequence')),
    deliveries: int(dlqHeader(msg, 'deliveries')),
    deadLetteredAt: msg.time.toISOString(),
    eventId: typeof fields.id === 'string' ? fields.id : null,
    // `crm.<ws>.<type>` / `messaging.<ws>.<channel>.<event>`: the type follows the workspace.
    eventType: subject.split('.').slice(2).join('.') || null,
    payload,
    replay: replay
      ? {
          replayedAt: replay.replayedAt.toISOString(),
          replayedBy: { type: replay.replayedBy.type, id: replay.replayedBy.id },
        }
      : null,
  };
}
