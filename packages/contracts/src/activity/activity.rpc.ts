import { Id } from '../common/primitives';
import { pageOf } from '../common/pagination';
import { TimelineEntry, TimelineQuery } from './timeline';

/** `rpc.activity.*`: served by the activity service. */
export const ACTIVITY_RPC = {
  timeline: {
    subject: 'rpc.activity.timeline',
    input: TimelineQuery.extend({ contactId: Id }),
    output: pageOf(TimelineEntry),
  },
} as const;
