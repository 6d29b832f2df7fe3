import { z } from 'zod';
import { Id } from '../common/primitives';
import { ChannelType } from '../contact/channel';

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
      }),
    ),
  }),
});
export type SegmentMemberChangedV1 = z.infer<typeof SegmentMemberChangedV1>;

/** Segment events of the catalogue (see events/event-catalog.ts). */
export const SEGMENT_EVENTS = {
  'segment.member.joined': { aggregate: 'segment', version: 1, data: SegmentMemberChangedV1 },
  'segment.member.left': { aggregate: 'segment', version: 1, data: SegmentMemberChangedV1 },
} as const;
