import type { EventEnvelope, TimelineAnchorType } from '@switchboard/contracts';

/**
 * How a domain event reads on a timeline: its one-line summary, its typed detail (the shapes of
 * `KnownTimelineEntry` in the contracts), the note or communication it shows, and the records
 * whose timelines it lands on. Pure; the event's data is read defensively, so an event of an
 * unknown type, or a newer version with more fields, still lands (as a generic entry).
 */
export interface EntryFacts {
  summary: string;
  detail: Record<string, unknown>;
  /** The note or communication the entry shows (edits and deletes take it off). */
  refId: string | null;
  contactId: string | null;
  anchors: { type: TimelineAnchorType; id: string }[];
}

type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (v && typeof v === 'object' ? (v as Data) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const quoted = (t: string | null) => (t ? ` "${t}"` : '');
const EXCERPT = 280;

interface Described {
  summary: string;
  detail: Data;
  refId?: string | null;
}
type Describer = (data: Data, event: EventEnvelope) => Described;

const contactEntry =
  (summary: (d: Data) => string, detail: (d: Data) => Data): Describer =>
  (d) => ({ summary: summary(d), detail: detail(d) });
const name = (d: Data) => str(obj(d.contact).displayName);
const named = (d: Data) => (name(d) ? ` (${name(d)})` : '');

const deal = (d: Data) => {
  const dl = obj(d.deal);
  return { dealId: str(dl.id) ?? '', title: str(dl.title) ?? '' };
};
const task = (d: Data) => {
  const t = obj(d.task);
  return {
    taskId: str(t.id) ?? '',
    title: str(t.title) ?? '',
    assigneeId: str(t.assigneeId),
    dueAt: str(t.dueAt),
    changes: strs(d.changes),
  };
};
const stage = (v: unknown) => {
  const s = obj(v);
  return {
    stageId: str(s.stageId) ?? '',
    name: str(s.name) ?? '?',
    category: s.category ?? 'open',
  };
};
const company = (d: Data) => {
  const c = obj(d.company);
  return {
    companyId: str(c.id) ?? '',
    name: str(c.name) ?? '',
    changes: Array.isArray(d.changes) ? d.changes : [],
  };
};
const note = (d: Data) => {
  const n = obj(d.note);
  const body = str(n.body) ?? '';
  return {
    noteId: str(n.id) ?? '',
    anchor: obj(n.anchor),
    revision: typeof n.revision === 'number' ? n.revision : 1,
    excerpt: body.length > EXCERPT ? `${body.slice(0, EXCERPT - 1)}…` : body,
  };
};
const communication = (d: Data) => {
  const c = obj(d.communication);
  return {
    communicationId: str(c.id) ?? '',
    channel: str(c.channel) ?? 'note',
    direction: str(c.direction) ?? 'outbound',
    summary: str(c.summary) ?? '',
    staffId: str(c.staffId),
    sourceRef: str(c.sourceRef),
    supersedes: str(c.supersedes),
  };
};
const taskLine = (verb: string) => (d: Data) => `Task${quoted(task(d).title)} ${verb}`;
const taskDescriber =
  (verb: string): Describer =>
  (d) => ({ summary: taskLine(verb)(d), detail: task(d) });
const dealDescriber =
  (verb: (d: Data) => string, extra: (d: Data) => Data): Describer =>
  (d) => ({
    summary: `Deal${quoted(deal(d).title)} ${verb(d)}`,
    detail: { ...deal(d), ...extra(d) },
  });
const companyDescriber =
  (verb: string): Describer =>
  (d) => ({ summary: `Company${quoted(company(d).name)} ${verb}`, detail: company(d) });
const dealCore = (d: Data) => ({
  pipelineId: str(obj(d.deal).pipelineId) ?? '',
  amount: obj(d.deal).amount ?? null,
});

const DESCRIBERS: Record<string, Describer> = {
  'contact.created': contactEntry(
    (d) => `Contact created${named(d)}`,
    (d) => ({
      displayName: name(d) ?? '',
      source: str(obj(d.contact).source),
      ownerId: str(obj(d.contact).ownerId),
    }),
  ),
  'contact.updated': contactEntry(
    (d) => {
      const fields = (Array.isArray(d.changes) ? d.changes : []).map((c) => str(obj(c).field));
      return `Contact updated: ${fields.filter(Boolean).join(', ') || 'no fields'}`;
    },
    (d) => ({ changes: Array.isArray(d.changes) ? d.changes : [] }),
  ),
  'contact.archived': contactEntry(
    (d) => `Contact archived (${str(d.reason) ?? 'deleted'})`,
    (d) => ({ reason: str(d.reason) ?? 'deleted' }),
  ),
  'contact.restored': contactEntry(
    () => 'Contact restored',
    () => ({}),
  ),
  'contact.tag.added': contactEntry(
    (d) => `Tagged ${strs(d.tags).join(', ')}`,
    (d) => ({ tags: strs(d.tags) }),
  ),
  'contact.tag.removed': contactEntry(
    (d) => `Untagged ${strs(d.tags).join(', ')}`,
    (d) => ({ tags: strs(d.tags) }),
  ),
  'contact.owner.claimed': contactEntry(
    () => 'Contact claimed',
    (d) => ({ ownerId: str(d.ownerId), previousOwnerId: str(d.previousOwnerId) }),
  ),
  'contact.owner.released': contactEntry(
    () => 'Contact released',
    (d) => ({ ownerId: str(d.ownerId), previousOwnerId: str(d.previousOwnerId) }),
  ),
  'contact.stage.changed': contactEntry(
    (d) => `Stage ${str(d.from) ?? '—'} → ${str(d.to) ?? '—'}`,
    (d) => ({ from: str(d.from), to: str(d.to) }),
  ),
  'contact.merged': contactEntry(
    () => 'Merged a duplicate into this contact',
    (d) => ({ survivorId: str(d.survivorId) ?? '', duplicateId: str(d.duplicateId) ?? '' }),
  ),
  'contact.scored': (d) => ({
    summary: `Profile scored ${typeof d.total === 'number' ? d.total : '?'} for ${str(d.productSlug) ?? 'a product'}`,
    detail: {
      productId: str(d.productId) ?? '',
      productSlug: str(d.productSlug) ?? '',
      total: typeof d.total === 'number' ? d.total : 0,
      assessmentId: str(d.assessmentId) ?? '',
    },
  }),
  'company.created': companyDescriber('created'),
  'company.updated': companyDescriber('updated'),
  'company.archived': companyDescriber('archived'),
  'company.merged': companyDescriber('absorbed a duplicate'),
  'segment.member.joined': (d) => ({
    summary: `Joined segment "${str(d.segmentName) ?? '?'}"`,
    detail: {
      segmentId: str(d.segmentId) ?? '',
      segmentName: str(d.segmentName) ?? '',
      via: d.via,
    },
  }),
  'segment.member.left': (d) => ({
    summary: `Left segment "${str(d.segmentName) ?? '?'}"`,
    detail: {
      segmentId: str(d.segmentId) ?? '',
      segmentName: str(d.segmentName) ?? '',
      via: d.via,
    },
  }),
  'deal.created': dealDescriber(() => 'created', dealCore),
  'deal.won': dealDescriber(() => 'won', dealCore),
  'deal.updated': dealDescriber(
    () => 'updated',
    (d) => ({ changes: strs(d.changes) }),
  ),
  'deal.stage.changed': dealDescriber(
    (d) => `moved to ${stage(d.to).name}`,
    (d) => ({ from: stage(d.from), to: stage(d.to) }),
  ),
  'deal.lost': dealDescriber(
    () => 'lost',
    (d) => ({ lostReason: str(d.lostReason) }),
  ),
  'task.created': taskDescriber('created'),
  'task.assigned': taskDescriber('assigned'),
  'task.updated': taskDescriber('updated'),
  'task.completed': taskDescriber('completed'),
  'task.deleted': taskDescriber('deleted'),
  'task.due': taskDescriber('is due'),
  'note.added': (d) => ({ summary: 'Note added', detail: note(d), refId: note(d).noteId }),
  'note.revised': (d) => ({ summary: 'Note edited', detail: note(d), refId: note(d).noteId }),
  'communication.logged': (d) => {
    const c = communication(d);
    return {
      summary: `${c.channel} (${c.direction}): ${c.summary}`,
      detail: c,
      refId: c.communicationId,
    };
  },
  'communication.edited': (d) => {
    const c = communication(d);
    return {
      summary: `${c.channel} (${c.direction}, edited): ${c.summary}`,
      detail: c,
      refId: c.communicationId,
    };
  },
};

/** Events that change the timeline without an entry of their own, or that are no activity. */
const NO_ENTRY = new Set([
  'activity.recorded',
  'note.deleted',
  'communication.deleted',
  'workspace.created',
  'member.invited',
  'member.invitation.revoked',
]);

/** The records an event concerns: its contact, deal and company, as far as the data says. */
function anchorsOf(event: EventEnvelope): {
  contactId: string | null;
  anchors: EntryFacts['anchors'];
} {
  const d = event.data;
  const agg = event.aggregate;
  let contactId =
    str(d.contactId) ?? str(obj(d.note).contactId) ?? str(obj(d.communication).contactId);
  if (agg.type === 'contact')
    contactId = event.type === 'contact.merged' ? (str(d.survivorId) ?? agg.id) : agg.id;
  let dealId: string | null = agg.type === 'deal' ? agg.id : null;
  let companyId: string | null = agg.type === 'company' ? agg.id : str(obj(d.deal).companyId);
  // Tasks and notes are anchored to a contact, deal or company: they land on that record too.
  for (const holder of [d.task, d.note]) {
    const a = obj(obj(holder).anchor);
    if (a.type === 'deal') dealId ??= str(a.id);
    if (a.type === 'company') companyId ??= str(a.id);
  }
  if (event.type === 'company.merged') companyId = str(d.survivorId) ?? companyId;
  const anchors: EntryFacts['anchors'] = [];
  if (contactId) anchors.push({ type: 'contact', id: contactId });
  if (dealId) anchors.push({ type: 'deal', id: dealId });
  if (companyId) anchors.push({ type: 'company', id: companyId });
  return { contactId, anchors };
}

/** What an event puts on timelines; null for events that are no entry of their own. */
export function describeEvent(event: EventEnvelope): EntryFacts | null {
  if (NO_ENTRY.has(event.type)) return null;
  const { contactId, anchors } = anchorsOf(event);
  if (anchors.length === 0) return null;
  const describer = DESCRIBERS[event.type];
  const described: Described = describer
    ? describer(event.data, event)
    : {
        summary: event.type.replace(/\./g, ' '),
        detail: {
          aggregate: { type: event.aggregate.type, id: event.aggregate.id },
          data: event.data,
        },
      };
  return { ...described, refId: described.refId ?? null, contactId, anchors };
}
