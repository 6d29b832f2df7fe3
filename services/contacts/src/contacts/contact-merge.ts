import type {
  Actor,
  Channel,
  CompanyLink,
  DedupRule,
  MergeConflict,
  MergeResolution,
} from '@switchboard/contracts';
import { canonical } from './contact-events';
import { dedupKeyOf, displayNameOf } from './contact-normalizer';
import { isDerivedName } from './contact-patch';
import type { ContactDoc } from './contact.schema';
import { withStage } from './contact-writes';

export interface MergeContext {
  actor: Actor;
  now: Date;
  dedupRule: DedupRule;
  resolutions?: Record<string, MergeResolution>;
}

export interface MergePlan {
  /** The survivor with the duplicate folded in (version not bumped yet). */
  survivor: ContactDoc;
  conflicts: MergeConflict[];
}

/** Fields taken whole from one side (birthday is month and day together). */
const SCALARS = [
  'firstName',
  'lastName',
  'locale',
  'timeZone',
  'source',
  'leadSource',
  'leadId',
  'linkedUserId',
  'ownerId',
  'address',
  'birthday',
  'stage',
] as const;
type Scalar = (typeof SCALARS)[number];

const read = (doc: ContactDoc, field: Scalar): unknown =>
  field === 'birthday'
    ? doc.birthMonth !== undefined && doc.birthMonth !== null
      ? { month: doc.birthMonth, day: doc.birthDay }
      : undefined
    : doc[field];

const blank = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

const nullable = (v: unknown): unknown => (v === undefined ? null : v);

/**
 * Picks one side's value: an explicit resolution takes that side as it is (blank included);
 * otherwise the survivor wins where both have a value and the duplicate fills a blank. Both
 * having different values is reported as a conflict.
 */
function pick(
  field: string,
  survivor: unknown,
  duplicate: unknown,
  c: MergeContext,
  conflicts: MergeConflict[],
  resolution = c.resolutions?.[field],
): unknown {
  if (!blank(survivor) && !blank(duplicate) && canonical(survivor) !== canonical(duplicate)) {
    conflicts.push({
      field,
      survivor: nullable(survivor),
      duplicate: nullable(duplicate),
      resolution: resolution ?? 'survivor',
    });
  }
  if (resolution === 'duplicate') return duplicate;
  if (resolution === 'survivor') return survivor;
  return blank(survivor) ? duplicate : survivor;
}

/** Values by key: each key picked as a field of its own (`<prefix>.<key>`). */
function mergeMap(
  prefix: string,
  s: Record<string, unknown>,
  d: Record<string, unknown>,
  c: MergeContext,
  conflicts: MergeConflict[],
  resolution?: MergeResolution,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...new Set([...Object.keys(s), ...Object.keys(d)])]) {
    const field = `${prefix}.${key}`;
    const v = pick(field, s[key], d[key], c, conflicts, resolution ?? c.resolutions?.[field]);
    if (v !== undefined && v !== null) out[key] = v;
  }
  return out;
}

const compact = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Channels united by type and value. A channel on both keeps the survivor's label (else the
 * duplicate's) and the stricter state: unsubscribed or suppressed on either side stays so,
 * consent facts are combined. The survivor's primary of a type stays primary; a type only the
 * duplicate has keeps the duplicate's primary.
 */
export function uniteChannels(survivor: Channel[], duplicate: Channel[]): Channel[] {
  const out = survivor.map((c) => ({ ...c }));
  const types = new Set(survivor.map((c) => c.type));
  for (const d of duplicate) {
    const same = out.find((c) => c.type === d.type && c.value === d.value);
    if (!same) {
      out.push({ ...d, primary: d.primary && !types.has(d.type) });
      continue;
    }
    same.subscribed = same.subscribed && d.subscribed;
    const label = same.label ?? d.label;
    if (label) same.label = label;
    const suppression = same.suppression ?? d.suppression;
    if (suppression) same.suppression = suppression;
    const consent = { ...compact(d.consent), ...compact(same.consent) };
    if (Object.keys(consent).length > 0) same.consent = consent;
  }
  for (const type of new Set(out.map((c) => c.type))) {
    const ofType = out.filter((c) => c.type === type);
    const primary = ofType.find((c) => c.primary) ?? ofType[0];
    ofType.forEach((c) => (c.primary = c === primary));
  }
  return out;
}

/** Company links united by company; the survivor's link wins, the duplicate's fills blanks. */
export function uniteCompanyLinks(
  survivor: CompanyLink[],
  duplicate: CompanyLink[],
): CompanyLink[] {
  const out = survivor.map((l) => ({ ...l }));
  for (const d of duplicate) {
    const same = out.find((l) => l.companyId === d.companyId);
    if (!same) out.push({ ...d });
    else Object.assign(same, { ...compact(d), ...compact(same) });
  }
  return out;
}

const latest = (a: Date | null, b: Date | null): Date | null =>
  !a ? b : !b ? a : new Date(a) >= new Date(b) ? a : b;

/**
 * The survivor with the duplicate folded in (pure; see MergeContactsInput for the rules). Tags,
 * channels, company links and segment memberships are united; custom fields and metadata merge
 * key by key; the stage histories are interleaved by time (a stage taken from the duplicate adds
 * a transition). The survivor keeps its own status history, creation time and, unless its
 * primary value changes, its dedup key.
 */
export function mergeContacts(s: ContactDoc, d: ContactDoc, c: MergeContext): MergePlan {
  const conflicts: MergeConflict[] = [];
  const v = Object.fromEntries(
    SCALARS.map((f) => [f, pick(f, read(s, f), read(d, f), c, conflicts)]),
  ) as Record<Scalar, unknown>;
  const birthday = v.birthday as { month: number; day: number } | undefined;
  const channels = uniteChannels(s.channels, d.channels);
  const stageHistory = [...(s.stageHistory ?? []), ...(d.stageHistory ?? [])].sort(
    (a, b) => new Date(a.at).getTime() - new Date(b.at).getTime(),
  );
  const merged: ContactDoc = {
    ...s,
    firstName: v.firstName as string | undefined,
    lastName: v.lastName as string | undefined,
    locale: v.locale as string | undefined,
    timeZone: v.timeZone as string | undefined,
    source: v.source as string | undefined,
    leadSource: v.leadSource as string | undefined,
    leadId: v.leadId as string | undefined,
    linkedUserId: v.linkedUserId as string | undefined,
    ownerId: (v.ownerId as string | null | undefined) ?? null,
    address: blank(v.address) ? undefined : (v.address as ContactDoc['address']),
    birthMonth: birthday?.month,
    birthDay: birthday?.day,
    channels,
    companyLinks: uniteCompanyLinks(s.companyLinks, d.companyLinks),
    tags: [...new Set([...s.tags, ...d.tags])],
    customFields: mergeMap(
      'customFields',
      s.customFields ?? {},
      d.customFields ?? {},
      c,
      conflicts,
    ),
    metadata: mergeMap(
      'metadata',
      s.metadata ?? {},
      d.metadata ?? {},
      c,
      conflicts,
      c.resolutions?.metadata,
    ),
    stageHistory,
    lastTouchAt: latest(s.lastTouchAt, d.lastTouchAt),
    segmentIds: [...new Set([...(s.segmentIds ?? []), ...(d.segmentIds ?? [])])],
    dedupKey: dedupKeyOf(channels, s._id, c.dedupRule),
  };
  merged.displayName = mergedDisplayName(s, d, merged, c, conflicts);
  return { survivor: withStage(merged, v.stage as string | undefined, c.actor, c.now), conflicts };
}

/**
 * A derived display name follows the merged names and channels; an explicit one is a field like
 * the others (a conflict only when both sides chose a different name).
 */
function mergedDisplayName(
  s: ContactDoc,
  d: ContactDoc,
  merged: ContactDoc,
  c: MergeContext,
  conflicts: MergeConflict[],
): string {
  const explicit = (doc: ContactDoc) => (isDerivedName(doc) ? undefined : doc.displayName);
  const chosen = pick('displayName', explicit(s), explicit(d), c, conflicts) as string | undefined;
  return displayNameOf(
    { displayName: chosen, firstName: merged.firstName, lastName: merged.lastName },
    merged.channels,
  );
}

/**
 * The duplicate as a merge leaves it: archived (reason `merged`) with `mergedInto`, its data
 * intact, and its dedup key released (`merged:<id>`) so the survivor can hold its email.
 */
export function mergedAway(d: ContactDoc, survivorId: string, actor: Actor, now: Date): ContactDoc {
  return {
    ...d,
    status: 'archived',
    statusHistory: [
      ...(d.statusHistory ?? []),
      { status: 'archived', at: now, actor, reason: 'merged' },
    ],
    mergedInto: survivorId,
    dedupKey: `merged:${d._id}`,
  };
}
