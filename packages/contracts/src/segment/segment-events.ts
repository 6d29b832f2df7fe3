import { z } from 'zod';
import { Id } from '../common/primitives';
import { ChannelType, ConsentStatus } from '../contact/channel';
import { SegmentDefinition } from './segment';

/**
 * `crm.<ws>.segment.member.joined|left` v1 (public contract: campaign systems act on them).
 * `contact` is enough to reach the person without calling back.
 */
export const SegmentMemberChangedV1 = z.object({
  segmentId: Id,
  segmentName: z.string(),
  contactId: Id,
  /** `rule`: the segment's filter holds; `explicit`: added (or removed) by hand. */
  via: z.enum(['rule', 'explicit']),
  contact: z.object({
    displayName: z.string(),
    channels: z.array(
      z.object({
        type: ChannelType,
        value: z.string(),
        subscribed: z.boolean(),
        suppressed: z.boolean(),
        /** Added later (additive): the channel's consent, `unknown` until given. */
        consent: ConsentStatus.optional(),
      }),
    ),
  }),
});
export type SegmentMemberChangedV1 = z.infer<typeof SegmentMemberChangedV1>;

/** `segment.created` v1: the definition as stored. */
export const SegmentCreatedV1 = z.object({ segment: SegmentDefinition });
/**
 * `segment.updated` v1: the definition after the change, the names of the fields that changed,
 * and whether membership is being re-evaluated (type or filter changed).
 */
export const SegmentUpdatedV1 = z.object({
  segment: SegmentDefinition,
  changes: z.array(z.string()),
  reevaluating: z.boolean(),
});
/** `segment.deleted` v1: members leave (each with `segment.member.left`) afterwards. */
export const SegmentDeletedV1 = z.object({ segment: SegmentDefinition });

/** Segment events of the catalogue (see events/event-catalog.ts). */
export const SEGMENT_EVENTS = {
  'segment.created': { aggregate: 'segment', version: 1, data: SegmentCreatedV1 },
  'segment.updated': { aggregate: 'segment', version: 1, data: SegmentUpdatedV1 },
  'segment.deleted': { aggregate: 'segment', version: 1, data: SegmentDeletedV1 },
  'segment.member.joined': { aggregate: 'segment', version: 1, data: SegmentMemberChangedV1 },
  'segment.member.left': { aggregate: 'segment', version: 1, data: SegmentMemberChangedV1 },
} as const;
