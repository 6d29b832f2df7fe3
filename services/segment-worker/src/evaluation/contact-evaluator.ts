import { Injectable, Logger } from '@nestjs/common';
import type { Profile } from '@switchboard/segment-dsl';
import type { MembershipDoc } from '@switchboard/segment-store';
import { decide, memberEvent, planEdge, type RuleProfile } from './membership-rule';
import { MembershipsRepository } from './memberships.repository';
import { ProfilesRepository } from './profiles.repository';
import { SegmentCatalog } from './segment-catalog';

/** Rounds of "evaluate, write, check nobody moved the profile" before giving up (job retries). */
const MAX_ROUNDS = 8;

export interface ContactOutcome {
  joined: string[];
  left: string[];
  rounds: number;
  /** The profile revision the outcome holds for (`null`: no profile). */
  rev: number | null;
}

/**
 * Incremental evaluation of one contact against every live segment of its workspace, in
 * dependency order (a segment-of-segment reads the membership its dependencies have just been
 * given). Edges are written one by one (CAS on `transitions`), then `profile.segments` (CAS on
 * `rev`). When any of these finds that another writer got there first — an edge moved, or the
 * profile's `rev` moved while the round ran (the projection wrote a newer contact state, whose
 * own job was coalesced into this running one) — the round starts over from fresh reads.
 */
@Injectable()
export class ContactEvaluator {
  private readonly logger = new Logger('contact-evaluator');

  constructor(
    private readonly catalog: SegmentCatalog,
    private readonly memberships: MembershipsRepository,
    private readonly profiles: ProfilesRepository,
  ) {}

  async evaluate(workspaceId: string, contactId: string, now: Date): Promise<ContactOutcome> {
    const outcome: ContactOutcome = { joined: [], left: [], rounds: 0, rev: null };
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      outcome.rounds = round;
      if (await this.round(workspaceId, contactId, now, outcome)) return outcome;
      this.logger.debug({ workspaceId, contactId, round }, 'contact moved meanwhile; again');
    }
    throw new Error(`contact ${contactId}: still moving after ${MAX_ROUNDS} rounds`);
  }

  /** One pass; false when another writer moved something it read. */
  private async round(
    workspaceId: string,
    contactId: string,
    now: Date,
    outcome: ContactOutcome,
  ): Promise<boolean> {
    const [profile, cached, explicit, edgeList] = await Promise.all([
      this.profiles.get(workspaceId, contactId),
      this.catalog.live(workspaceId, now),
      this.memberships.explicitForContact(workspaceId, contactId),
      this.memberships.forContact(workspaceId, contactId),
    ]);
    // A request for a live segment the cached catalog does not know yet (created within the
    // cache period): read the definitions again rather than leave the request unapplied.
    let segments = cached;
    const unknown = [...explicit.keys()].filter((id) => !cached.some((s) => s._id === id));
    const found = await Promise.all(unknown.map((id) => this.catalog.get(workspaceId, id)));
    if (found.some((s) => s && !s.deletedAt)) {
      this.catalog.invalidate(workspaceId);
      segments = await this.catalog.live(workspaceId, now);
    }
    const edges = new Map<string, MembershipDoc>(edgeList.map((e) => [e.segmentId, e]));
    const live = new Set(segments.map((s) => s._id));
    // Membership as the edges say (the truth), updated as segments are decided below.
    const members = new Set(
      edgeList.filter((e) => e.member && live.has(e.segmentId)).map((e) => e.segmentId),
    );
    const who: RuleProfile = profile ?? stubProfile(contactId);
    const at = new Date();
    for (const segment of segments) {
      const ex = explicit.get(segment._id) ?? null;
      const edge = edges.get(segment._id) ?? null;
      if (!segment.compiled && !ex && !edge) continue;
      const input = profile ? ({ ...profile, segments: [...members] } as unknown as Profile) : null;
      const ruleMatch = !!(segment.compiled && input && segment.compiled.predicate(input));
      const verdict = decide(profile, segment.type === 'dynamic', ruleMatch, ex);
      const change = planEdge(edge, verdict, at);
      if (change) {
        const event =
          change.kind === 'quiet'
            ? null
            : memberEvent(segment, who, change.kind, change.next, verdict.via, at);
        const written = await this.memberships.write(
          workspaceId,
          segment._id,
          contactId,
          edge,
          change.next,
          event,
          at,
        );
        if (!written) return false;
        if (change.kind === 'joined') outcome.joined.push(segment._id);
        if (change.kind === 'left') outcome.left.push(segment._id);
      }
      if (verdict.member) members.add(segment._id);
      else members.delete(segment._id);
    }
    if (!profile) return true;
    outcome.rev = profile.rev;
    const desired = [...members].sort();
    const stored = [...(profile.segments ?? [])].sort();
    if (desired.join(',') !== stored.join(',')) {
      const written = await this.profiles.setSegments(workspaceId, contactId, profile.rev, desired);
      if (written) outcome.rev = profile.rev + 1;
      return written;
    }
    // Nothing to write: still, a newer profile state means this round decided on old data.
    return (await this.profiles.rev(workspaceId, contactId)) === profile.rev;
  }
}

/** Who leaves when the profile is gone: the id, no name or channels known. */
export const stubProfile = (contactId: string): RuleProfile => ({
  _id: contactId,
  status: null,
  mergedInto: null,
  displayName: null,
  channels: [],
  rev: 0,
  segments: [],
});
