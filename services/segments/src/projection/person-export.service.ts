import { Injectable } from '@nestjs/common';
import {
  PERSON_EXPORT_LIST_MAX,
  type RequestContext,
  type SegmentsPersonData,
} from '@switchboard/contracts';
import { PersonRecordsRepository } from './person-records.repository';
import { ProjectionRepository } from './projection.repository';
import { toContactProjection } from './projection.service';

const iso = (d: Date | string | null | undefined): string | null =>
  d ? new Date(d).toISOString() : null;

/** The segments service's part of a person's data export (`rpc.segments.person.export`). */
@Injectable()
export class PersonExportService {
  constructor(
    private readonly profiles: ProjectionRepository,
    private readonly records: PersonRecordsRepository,
  ) {}

  async export(ctx: RequestContext, contactId: string): Promise<SegmentsPersonData> {
    const ws = ctx.workspaceId;
    const limit = PERSON_EXPORT_LIST_MAX;
    const [profile, edges, explicit] = await Promise.all([
      this.profiles.find(ws, contactId),
      this.records.edgesOf(ws, contactId, limit + 1),
      this.records.explicitOf(ws, contactId, limit + 1),
    ]);
    const requested = new Map(explicit.map((e) => [e.segmentId, e.explicit]));
    const memberships = edges.slice(0, limit).map((e) => ({
      segmentId: e.segmentId,
      member: e.member,
      via: e.via,
      explicit: requested.get(e.segmentId) ?? e.explicit,
      joinedAt: iso(e.joinedAt),
      leftAt: iso(e.leftAt),
    }));
    // Explicit requests the worker has not applied yet (no edge so far).
    for (const e of explicit) {
      if (memberships.some((m) => m.segmentId === e.segmentId)) continue;
      memberships.push({
        segmentId: e.segmentId,
        member: false,
        via: null,
        explicit: e.explicit,
        joinedAt: null,
        leftAt: null,
      });
    }
    return {
      profile: profile ? toContactProjection(profile) : null,
      memberships: memberships.slice(0, limit),
      truncated: edges.length > limit || explicit.length > limit || memberships.length > limit,
    };
  }
}
