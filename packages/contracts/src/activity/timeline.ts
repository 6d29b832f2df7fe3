import { z } from 'zod';
import { PageQuery } from '../common/pagination';
import { Id, Timestamp } from '../common/primitives';
import { FieldChange } from '../contact/contact-events';
import { Actor } from '../context/request-context';
import { Money } from '../deal/deal';
import { StageCategory } from '../deal/pipeline';
import { MessagingEventType } from '../messaging/messaging';
import { CommunicationChannel, Direction } from './communication';
import { NoteAnchor } from './note';

/** The records a timeline belongs to. */
export const TimelineAnchorType = z.enum(['contact', 'deal', 'company']);
export type TimelineAnchorType = z.infer<typeof TimelineAnchorType>;

const base = {
  id: z.string(),
  anchor: z.object({ type: TimelineAnchorType, id: Id }),
  /** The contact the entry concerns (also on deal and company timelines), when there is one. */
  contactId: Id.nullable(),
  occurredAt: Timestamp,
  actor: Actor,
  /** One line for people; the typed `detail` is for programs. */
  summary: z.string(),
  /** The domain event or inbound messaging event id the entry was made from. */
  sourceEventId: z.string(),
};

/** An entry of one type (or one family of types sharing a detail shape). */
function entry<T extends [string, ...string[]], D extends z.ZodRawShape>(types: T, detail: D) {
  return z.object({ ...base, type: z.enum(types), detail: z.object(detail) });
}

const DealRef = { dealId: Id, title: z.string() };
const StageRef = z.object({ stageId: Id, name: z.string(), category: StageCategory });

/** Every known entry type, discriminated by `type`, with the detail of its kind. */
export const KnownTimelineEntry = z.discriminatedUnion('type', [
  entry(['contact.created'], {
    displayName: z.string(),
    source: z.string().nullable(),
    ownerId: z.string().nullable(),
  }),
  entry(['contact.updated'], { changes: z.array(FieldChange) }),
  entry(['contact.archived'], { reason: z.string() }),
  entry(['contact.restored'], {}),
  entry(['contact.tag.added', 'contact.tag.removed'], { tags: z.array(z.string()) }),
  entry(['contact.owner.claimed', 'contact.owner.released'], {
    ownerId: z.string().nullable(),
    previousOwnerId: z.string().nullable(),
  }),
  entry(['contact.stage.changed'], { from: z.string().nullable(), to: z.string().nullable() }),
  entry(['contact.merged'], { survivorId: Id, duplicateId: Id }),
  /** "Profile scored": a fit assessment of the contact for a product. */
  entry(['contact.scored'], {
    productId: Id,
    productSlug: z.string(),
    total: z.number(),
    assessmentId: Id,
  }),
  entry(['company.created', 'company.updated', 'company.archived', 'company.merged'], {
    companyId: Id,
    name: z.string(),
    changes: z.array(FieldChange),
  }),
  entry(['segment.member.joined', 'segment.member.left'], {
    segmentId: Id,
    segmentName: z.string(),
    via: z.enum(['rule', 'explicit']),
  }),
  entry(['deal.created', 'deal.won'], {
    ...DealRef,
    pipelineId: Id,
    amount: Money.nullable(),
  }),
  entry(['deal.updated'], { ...DealRef, changes: z.array(z.string()) }),
  entry(['deal.stage.changed'], { ...DealRef, from: StageRef, to: StageRef }),
  entry(['deal.lost'], { ...DealRef, lostReason: z.string().nullable() }),
  entry(
    ['task.created', 'task.assigned', 'task.updated', 'task.completed', 'task.deleted', 'task.due'],
    {
      taskId: Id,
      title: z.string(),
      assigneeId: Id.nullable(),
      dueAt: Timestamp.nullable(),
      changes: z.array(z.string()),
    },
  ),
  entry(['note.added', 'note.revised'], {
    noteId: Id,
    anchor: NoteAnchor,
    revision: z.number().int(),
    /** The first 280 characters of the markdown body. */
    excerpt: z.string(),
  }),
  entry(['communication.logged', 'communication.edited'], {
    communicationId: Id,
    channel: CommunicationChannel,
    direction: Direction,
    summary: z.string(),
    staffId: Id.nullable(),
    sourceRef: z.string().nullable(),
    /** Set on an edit: the entry it replaced (which leaves the timeline). */
    supersedes: Id.nullable(),
  }),
  z.object({
    ...base,
    type: MessagingEventType,
    detail: z.object({
      channel: z.string(),
      event: z.string(),
      direction: Direction,
      address: z.string().nullable(),
      campaignId: z.string().nullable(),
      messageId: z.string().nullable(),
      /** The sender's `detail`, as sent. */
      data: z.record(z.unknown()),
    }),
  }),
]);

/**
 * Any other event type (a newer service's events, or types added to the catalogue after this
 * version): the entry still lands, with the event's aggregate and data as detail.
 */
export const GenericTimelineEntry = z.object({
  ...base,
  type: z.string(),
  detail: z.object({
    aggregate: z.object({ type: z.string(), id: z.string() }),
    data: z.record(z.unknown()),
  }),
});

/** One entry of a timeline: a known type with its typed detail, or a generic entry. */
export const TimelineEntry = z.union([KnownTimelineEntry, GenericTimelineEntry]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineQuery = PageQuery.extend({
  /** Comma-separated entry types, e.g. `email.opened,deal.won`; a trailing `.*` takes a family. */
  types: z.string().max(500).optional(),
}).strict();
export type TimelineQuery = z.infer<typeof TimelineQuery>;
