import { Inject, Injectable } from '@nestjs/common';
import type {
  Contact,
  ContactProjection,
  ContactSnapshot,
  RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { CONFIG } from '@switchboard/runtime';
import { ServiceTracer } from '@switchboard/tracing';
import { EvaluationQueue, type ProfileChange, type ProfileDoc } from '@switchboard/segment-store';
import type { SegmentsConfig } from '../config';
import { FieldTypesRepository } from './field-types.repository';
import {
  countActivities,
  fitChange,
  foldCounters,
  snapshotChange,
  type CountedActivity,
  type FitScore,
} from './profile.mapper';
import type { ProjectionEvent } from './projection.events';
import { PersonRecordsRepository } from './person-records.repository';
import { ProjectionRepository } from './projection.repository';

/** A parsed event and whether it may have been handled before (redelivery, retried batch). */
export interface ProjectionItem {
  event: ProjectionEvent;
  seenBefore: boolean;
  /** The event's trace (header or envelope): the contact's work continues it. */
  traceparent?: string;
}

/** Contacts of a batch written at once (the connection pool holds 20). */
const CONCURRENCY = 16;
/** Merges followed from a duplicate to its survivor when counting its activity. */
const MERGE_HOPS = 5;

interface Group {
  workspaceId: string;
  contactId: string;
  snapshot?: Contact;
  /** The snapshot's custom-field types as its event carried them (none in older events). */
  types?: Record<string, string>;
  scores: FitScore[];
  activities: CountedActivity[];
  reasons: Set<string>;
  seenBefore: boolean;
  /** The trace of the group's latest event: its write and evaluation job continue it. */
  traceparent?: string;
}

/**
 * Runs `fn` over `items`, `limit` at a time, and waits for every one before reporting the first
 * failure (a failed batch is handled again message by message: no write of it may still run).
 */
async function eachLimited<T>(items: T[], limit: number, fn: (t: T) => Promise<void>) {
  let next = 0;
  const errors: unknown[] = [];
  const run = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item).catch((err: unknown) => void errors.push(err));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  if (errors.length > 0) throw errors[0];
}

/**
 * A profile whose contact has been seen (attributes known). Counters or scores that arrive before
 * the contact's first event wait for it: its own event enqueues the evaluation, counters included.
 */
const known = (p: ProfileDoc | null): boolean => p !== null && p.version > 0;

/** Both changes in one write (attributes and scores, or counters), null when neither. */
const both = (a: ProfileChange | null, b: ProfileChange | null): ProfileChange | null =>
  a || b ? { ...a, ...b } : null;

/**
 * Keeps the `profiles` collection in step with contact events (attributes, gated by the contact's
 * aggregate version), `activity.recorded` (daily counters, once per event id), `contact.scored`
 * (fit totals) and `contact.merged` (the duplicate out, its counters summed into the survivor),
 * and asks the worker to re-evaluate each contact whose profile changed. Events of one batch are
 * grouped per contact: one compare-and-set write per contact and batch.
 */
@Injectable()
export class ProjectionService {
  constructor(
    private readonly profiles: ProjectionRepository,
    private readonly fieldTypes: FieldTypesRepository,
    private readonly queue: EvaluationQueue,
    private readonly records: PersonRecordsRepository,
    @Inject(CONFIG) private readonly config: SegmentsConfig,
    private readonly tracer: ServiceTracer,
  ) {}

  async apply(items: ProjectionItem[]): Promise<void> {
    const groups = new Map<string, Group>();
    const group = (
      workspaceId: string,
      contactId: string,
      seenBefore: boolean,
      traceparent?: string,
    ) => {
      const key = `${workspaceId}\n${contactId}`;
      let g = groups.get(key);
      if (!g) {
        g = { workspaceId, contactId, scores: [], activities: [], reasons: new Set(), seenBefore };
        groups.set(key, g);
      }
      g.seenBefore ||= seenBefore;
      if (traceparent) g.traceparent = traceparent;
      return g;
    };
    const merges: {
      workspaceId: string;
      survivorId: string;
      duplicateId: string;
      seenBefore: boolean;
    }[] = [];
    const erasures: { workspaceId: string; contactId: string }[] = [];
    for (const { event: e, seenBefore, traceparent } of items) {
      const ws = e.event.workspaceId;
      switch (e.kind) {
        case 'snapshot':
        case 'merged': {
          const contact = e.contact;
          if (contact && contact.workspaceId === ws) {
            const g = group(ws, contact.id, seenBefore, traceparent);
            if (!g.snapshot || g.snapshot.version < contact.version) {
              g.snapshot = contact;
              g.types = e.types;
            }
            g.reasons.add(e.event.type);
          }
          if (e.kind === 'merged') {
            merges.push({
              workspaceId: ws,
              survivorId: e.survivorId,
              duplicateId: e.duplicateId,
              seenBefore,
            });
          }
          break;
        }
        case 'scored': {
          const g = group(ws, e.contactId, seenBefore, traceparent);
          g.scores.push({
            productSlug: e.productSlug,
            total: e.total,
            occurredAt: new Date(e.event.occurredAt),
          });
          g.reasons.add(e.event.type);
          break;
        }
        case 'activity': {
          const g = group(ws, e.contactId, seenBefore, traceparent);
          g.activities.push({ id: e.event.id, activity: e.activity, occurredAt: e.at });
          g.reasons.add('activity');
          break;
        }
        case 'erased':
          erasures.push({ workspaceId: ws, contactId: e.contactId });
          break;
        case 'ignored':
          break;
      }
    }
    await eachLimited([...groups.values()], CONCURRENCY, (g) =>
      this.tracer.inSpan('project contact', g.traceparent ? { parent: g.traceparent } : {}, () =>
        this.applyGroup(g),
      ),
    );
    // After the snapshots: a merge reads the profiles as the batch left them.
    for (const m of merges)
      await this.merge(m.workspaceId, m.survivorId, m.duplicateId, m.seenBefore);
    // Last: whatever the batch wrote of an erased person goes too.
    for (const x of erasures) await this.records.erase(x.workspaceId, x.contactId);
  }

  /**
   * Snapshots from the contacts service (a rebuild, decision 0085) through the same
   * version-gated write as events: a snapshot older than the profile changes nothing, so the
   * rebuild and live events converge on the latest version in any order.
   */
  async applySnapshots(workspaceId: string, items: readonly ContactSnapshot[]): Promise<void> {
    const groups: Group[] = items
      .filter((i) => i.contact.workspaceId === workspaceId)
      .map((i) => ({
        workspaceId,
        contactId: i.contact.id,
        snapshot: i.contact,
        types: i.customFieldTypes,
        scores: [],
        activities: [],
        reasons: new Set(['projection.rebuild']),
        seenBefore: false,
      }));
    await eachLimited(groups, CONCURRENCY, (g) => this.applyGroup(g));
  }

  private async applyGroup(g: Group): Promise<void> {
    // Events since decision 0085 carry the types; older ones are typed by asking contacts.
    const types = !g.snapshot
      ? new Map<string, string>()
      : g.types
        ? new Map(Object.entries(g.types))
        : await this.fieldTypes.forSlugs(g.workspaceId, Object.keys(g.snapshot.customFields));
    const snapshot = g.snapshot;
    const res = await this.profiles.update(g.workspaceId, g.contactId, (cur) =>
      both(
        snapshot ? snapshotChange(cur, snapshot, types) : null,
        g.scores.length > 0 ? fitChange(cur, g.scores) : null,
      ),
    );
    if ((res.changed || g.seenBefore) && known(res.profile)) {
      await this.enqueue(g.workspaceId, g.contactId, g.reasons);
    }
    if (g.activities.length > 0) {
      await this.count(g.workspaceId, g.contactId, g.activities, g.seenBefore, 0);
    }
  }

  /** Counts activities on the contact, or on its survivor when it was merged away. */
  private async count(
    workspaceId: string,
    contactId: string,
    activities: CountedActivity[],
    seenBefore: boolean,
    hops: number,
  ): Promise<void> {
    const now = new Date();
    const found: { mergedInto: string | null } = { mergedInto: null };
    const res = await this.profiles.update(workspaceId, contactId, (cur) => {
      found.mergedInto = hops < MERGE_HOPS ? (cur.mergedInto ?? null) : null;
      if (found.mergedInto) return null;
      return countActivities(cur, activities, now, this.config.PROFILE_ACTIVITY_RETENTION_DAYS);
    });
    if (found.mergedInto) {
      return this.count(workspaceId, found.mergedInto, activities, seenBefore, hops + 1);
    }
    if ((res.changed || seenBefore) && known(res.profile)) {
      await this.enqueue(workspaceId, contactId, ['activity']);
    }
  }

  /**
   * The duplicate is marked merged first (from then on its activity is counted on the survivor),
   * then its counters — which can no longer change — are summed into the survivor, once.
   */
  private async merge(
    workspaceId: string,
    survivorId: string,
    duplicateId: string,
    seenBefore: boolean,
  ): Promise<void> {
    if (survivorId === duplicateId) return;
    const dup = await this.profiles.update(workspaceId, duplicateId, (cur) =>
      cur.mergedInto === survivorId && cur.status === 'archived'
        ? null
        : { mergedInto: survivorId, status: 'archived' },
    );
    const duplicate = dup.profile as ProfileDoc;
    const sur = await this.profiles.update(workspaceId, survivorId, (cur) =>
      foldCounters(cur, duplicate),
    );
    if (dup.changed || seenBefore) await this.enqueue(workspaceId, duplicateId, ['contact.merged']);
    if (sur.changed || seenBefore) await this.enqueue(workspaceId, survivorId, ['contact.merged']);
    // The duplicate's explicit includes/excludes now name the survivor: a job of their own, as
    // for any explicit request (decision 0075), so the worker applies them to the survivor.
    if (await this.records.moveExplicit(workspaceId, duplicateId, survivorId)) {
      await this.queue.explicitChanged({ workspaceId, contactId: survivorId, reason: 'merged' });
    }
  }

  private async enqueue(workspaceId: string, contactId: string, reasons: Iterable<string>) {
    await this.queue.contactChanged({ workspaceId, contactId, reason: [...reasons].join(',') });
  }

  async get(ctx: RequestContext, contactId: string): Promise<ContactProjection> {
    const doc = await this.profiles.find(ctx.workspaceId, contactId);
    if (!doc) throw AppError.notFound('contact projection', contactId);
    return toContactProjection(doc);
  }
}

const iso = (d: Date | string | null | undefined): string | null =>
  d ? new Date(d).toISOString() : null;

export function toContactProjection(doc: ProfileDoc): ContactProjection {
  const custom = Object.fromEntries(
    Object.entries(doc.custom ?? {}).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
  return {
    contactId: doc._id,
    workspaceId: doc.workspaceId,
    version: doc.version,
    rev: doc.rev,
    status: doc.status ?? null,
    mergedInto: doc.mergedInto ?? null,
    displayName: doc.displayName ?? null,
    firstName: doc.firstName ?? null,
    lastName: doc.lastName ?? null,
    email: doc.email ?? null,
    phone: doc.phone ?? null,
    stage: doc.stage ?? null,
    source: doc.source ?? null,
    locale: doc.locale ?? null,
    timeZone: doc.timeZone ?? null,
    country: doc.country ?? null,
    ownerId: doc.ownerId ?? null,
    companyId: doc.companyId ?? null,
    birthMonth: doc.birthMonth ?? null,
    birthDay: doc.birthDay ?? null,
    birthday: doc.birthday ?? null,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    lastTouchAt: iso(doc.lastTouchAt),
    tags: doc.tags ?? [],
    custom,
    channels: (doc.channels ?? []).map((c) => ({
      type: c.type,
      value: c.value,
      primary: c.primary,
      subscribed: c.subscribed,
      suppressed: c.suppressed,
      ...(c.consent ? { consent: c.consent } : {}),
    })),
    fit: doc.fit ?? {},
    activity: doc.activity ?? {},
    segments: doc.segments ?? [],
  };
}
