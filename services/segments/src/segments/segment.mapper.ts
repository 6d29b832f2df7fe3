import type {
  Actor,
  EventEnvelope,
  Segment,
  SegmentDefinition,
  SegmentStatus,
} from '@switchboard/contracts';
import { buildEvent } from '@switchboard/messaging';
import type { SegmentDoc } from '@switchboard/segment-store';

const iso = (d: Date | string) => new Date(d).toISOString();

export function toDefinition(doc: SegmentDoc): SegmentDefinition {
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    name: doc.name,
    description: doc.description ?? null,
    type: doc.type,
    filter: doc.filter ?? null,
    dependsOn: {
      segments: doc.dependsOn?.segments ?? [],
      relativeTime: doc.dependsOn?.relativeTime ?? false,
      activity: doc.dependsOn?.activity ?? false,
    },
    definitionVersion: doc.definitionVersion,
    version: doc.version,
    createdBy: doc.createdBy,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

export const toSegment = (
  doc: SegmentDoc,
  state: { status: SegmentStatus; memberCount: number },
): Segment => ({ ...toDefinition(doc), ...state });

const facts = (actor: Actor, doc: SegmentDoc) => ({
  workspaceId: doc.workspaceId,
  actor,
  aggregateId: doc._id,
  aggregateVersion: doc.version,
  occurredAt: new Date(doc.updatedAt),
});

export const createdEvent = (actor: Actor, doc: SegmentDoc): EventEnvelope =>
  buildEvent('segment.created', { ...facts(actor, doc), data: { segment: toDefinition(doc) } });

export const updatedEvent = (
  actor: Actor,
  doc: SegmentDoc,
  changes: string[],
  reevaluating: boolean,
): EventEnvelope =>
  buildEvent('segment.updated', {
    ...facts(actor, doc),
    data: { segment: toDefinition(doc), changes, reevaluating },
  });

export const deletedEvent = (actor: Actor, doc: SegmentDoc): EventEnvelope =>
  buildEvent('segment.deleted', { ...facts(actor, doc), data: { segment: toDefinition(doc) } });
