import type { Communication } from '@switchboard/contracts';
import type { CommunicationDoc } from './communication.schema';

const iso = (d: Date | string) => new Date(d).toISOString();

export function toCommunication(doc: CommunicationDoc): Communication {
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    contactId: doc.contactId,
    channel: doc.channel,
    direction: doc.direction,
    occurredAt: iso(doc.occurredAt),
    summary: doc.summary,
    staffId: doc.staffId ?? null,
    sourceRef: doc.sourceRef ?? null,
    loggedBy: { type: doc.loggedBy.type, id: doc.loggedBy.id },
    supersedes: doc.supersedes ?? null,
    supersededBy: doc.supersededBy ?? null,
    deletedAt: doc.deletedAt ? iso(doc.deletedAt) : null,
    deletedBy: doc.deletedBy?.id ? { type: doc.deletedBy.type, id: doc.deletedBy.id } : null,
    createdAt: iso(doc.createdAt),
  };
}
