import { createHash } from 'node:crypto';
import { withTraceparent } from '@switchboard/tracing';
import {
  CHANNEL_TYPES,
  type ChannelType,
  type EventEnvelope,
  type SegmentMemberChangedV1,
} from '@switchboard/contracts';
import {
  MEMBERSHIP_HISTORY_MAX,
  membershipId,
  type Explicit,
  type MembershipDoc,
  type ProfileDoc,
  type Via,
} from '@switchboard/segment-store';

/** What the worker decides for one (segment, contact) pair. */
export interface Verdict {
  member: boolean;
  /** How the membership holds (or why it does not): `explicit` when a request decides it. */
  via: Via;
  /** History reason: `rule`, `include`, `exclude`, `archived`, `merged`, `segment_deleted`. */
  reason: string;
  ruleMatch: boolean;
  explicit: Explicit | null;
}

/** The profile fields the rule and the events read. */
export type RuleProfile = Pick<
  ProfileDoc,
  '_id' | 'status' | 'mergedInto' | 'displayName' | 'channels' | 'rev' | 'segments'
>;

/**
 * Only a contact known to be active can be a member: a profile made by activity or a fit score
 * before the contact's first event has no status yet (nor a name or channels for the events).
 */
export const isActive = (p: RuleProfile | null): boolean =>
  p !== null && p.status === 'active' && !p.mergedInto;

/**
 * The membership rule: a contact is a member iff its profile is active AND (explicit include OR
 * (no explicit exclude AND the segment is dynamic AND its filter holds)).
 */
export function decide(
  profile: RuleProfile | null,
  dynamic: boolean,
  ruleMatch: boolean,
  explicit: Explicit | null,
): Verdict {
  const base = { ruleMatch: dynamic && ruleMatch, explicit };
  if (!isActive(profile)) {
    const merged = profile !== null && (profile.status === 'merged' || !!profile.mergedInto);
    return { ...base, member: false, via: 'rule', reason: merged ? 'merged' : 'archived' };
  }
  if (explicit === 'include') return { ...base, member: true, via: 'explicit', reason: 'include' };
  if (explicit === 'exclude') return { ...base, member: false, via: 'explicit', reason: 'exclude' };
  return { ...base, member: base.ruleMatch, via: 'rule', reason: 'rule' };
}

/** The edge fields that a verdict decides (what a write compares and sets). */
export type EdgeState = Pick<
  MembershipDoc,
  'member' | 'via' | 'explicit' | 'ruleMatch' | 'transitions' | 'joinedAt' | 'leftAt' | 'history'
>;

export interface EdgeChange {
  /** `joined` / `left` when membership flips (a transition with its event), else `quiet`. */
  kind: 'joined' | 'left' | 'quiet';
  next: EdgeState;
}

/**
 * The next state of an edge (`null`: no edge yet) under a verdict, or `null` when nothing
 * changes. A contact that never was a member gets no edge.
 */
export function planEdge(edge: EdgeState | null, v: Verdict, at: Date): EdgeChange | null {
  const was = edge?.member ?? false;
  if (was === v.member) {
    if (!edge) return null;
    const via = v.member ? v.via : null;
    if (edge.via === via && edge.explicit === v.explicit && edge.ruleMatch === v.ruleMatch)
      return null;
    return { kind: 'quiet', next: { ...edge, via, explicit: v.explicit, ruleMatch: v.ruleMatch } };
  }
  const change: 'joined' | 'left' = v.member ? 'joined' : 'left';
  const history = [...(edge?.history ?? []), { at, change, via: v.via, reason: v.reason }].slice(
    -MEMBERSHIP_HISTORY_MAX,
  );
  return {
    kind: change,
    next: {
      member: v.member,
      via: v.member ? v.via : null,
      explicit: v.explicit,
      ruleMatch: v.ruleMatch,
      transitions: (edge?.transitions ?? 0) + 1,
      joinedAt: v.member ? at : (edge?.joinedAt ?? null),
      leftAt: v.member ? (edge?.leftAt ?? null) : at,
      history,
    },
  };
}

/**
 * The event id of the n-th transition of a pair: the same for every worker that decides it, so
 * JetStream (Nats-Msg-Id) lets one through. A UUID of version 8 (custom) from a SHA-256.
 */
export function memberEventId(segmentId: string, contactId: string, transition: number): string {
  const h = createHash('sha256')
    .update(`segment-member:${segmentId}:${contactId}:${transition}`)
    .digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const KNOWN_CHANNELS = new Set<string>(CHANNEL_TYPES);

export interface SegmentRef {
  _id: string;
  workspaceId: string;
  name: string;
}

/** `segment.member.joined|left` of one transition, with the contact's channels. */
export function memberEvent(
  segment: SegmentRef,
  profile: Pick<RuleProfile, '_id' | 'displayName' | 'channels'>,
  change: 'joined' | 'left',
  next: Pick<EdgeState, 'transitions' | 'via'>,
  via: Via,
  at: Date,
): EventEnvelope<SegmentMemberChangedV1> {
  const data: SegmentMemberChangedV1 = {
    segmentId: segment._id,
    segmentName: segment.name,
    contactId: profile._id,
    via,
    contact: {
      displayName: profile.displayName ?? '',
      channels: (profile.channels ?? [])
        .filter((c) => KNOWN_CHANNELS.has(c.type))
        .map((c) => ({
          type: c.type as ChannelType,
          value: c.value,
          subscribed: c.subscribed,
          suppressed: c.suppressed,
          consent: c.consent ?? 'unknown',
        })),
    },
  };
  return {
    id: memberEventId(segment._id, profile._id, next.transitions),
    type: `segment.member.${change}`,
    version: 1,
    workspaceId: segment.workspaceId,
    occurredAt: at.toISOString(),
    actor: { type: 'service', id: 'segment-worker' },
    aggregate: { type: 'segment', id: segment._id, version: next.transitions },
    data,
    // The evaluation's trace (decision 0140): the relay's publish span continues it.
    ...withTraceparent({}),
  };
}

/** A new edge document (first join) without staged events. */
export function newEdgeDoc(
  workspaceId: string,
  segmentId: string,
  contactId: string,
  next: EdgeState,
  at: Date,
): MembershipDoc {
  return {
    _id: membershipId(segmentId, contactId),
    workspaceId,
    segmentId,
    contactId,
    ...next,
    updatedAt: at,
    outbox: [],
    outboxPending: false,
  };
}
