import type { Actor, Contact, EventEnvelope, FieldChange } from '@switchboard/contracts';
import { buildEvent } from '@switchboard/messaging';
import { toContact } from './contact.mapper';
import type { ContactDoc } from './contact.schema';

/** Fields whose changes `contact.updated` reports; maps are diffed key by key. */
const DIFFED = [
  'firstName',
  'lastName',
  'displayName',
  'channels',
  'companyLinks',
  'address',
  'locale',
  'timeZone',
  'birthMonth',
  'birthDay',
  'source',
  'leadSource',
  'stage',
  'ownerId',
  'tags',
  'leadId',
  'linkedUserId',
] as const satisfies readonly (keyof Contact)[];
const DIFFED_MAPS = ['customFields', 'metadata'] as const satisfies readonly (keyof Contact)[];

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const json = (v: unknown): unknown => (v === undefined ? null : v);

/**
 * The field diff between two states of a contact, in contract terms (absent = null). Custom
 * fields and metadata are compared per key (`customFields.<slug>`, `metadata.<key>`).
 */
export function fieldChanges(before: Contact, after: Contact): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of DIFFED) {
    if (canonical(json(before[field])) !== canonical(json(after[field]))) {
      changes.push({ field, from: json(before[field]), to: json(after[field]) });
    }
  }
  for (const map of DIFFED_MAPS) {
    const a = before[map];
    const b = after[map];
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (canonical(json(a[key])) !== canonical(json(b[key]))) {
        changes.push({ field: `${map}.${key}`, from: json(a[key]), to: json(b[key]) });
      }
    }
  }
  return changes;
}

const facts = (actor: Actor, doc: ContactDoc) => ({
  workspaceId: doc.workspaceId,
  actor,
  aggregateId: doc._id,
  aggregateVersion: doc.version,
  occurredAt: doc.updatedAt,
});

/** `contact.tag.added` / `contact.tag.removed` for the tags that actually changed. */
export function tagEvents(actor: Actor, before: ContactDoc, after: ContactDoc): EventEnvelope[] {
  const contact = toContact(after);
  const added = after.tags.filter((t) => !before.tags.includes(t));
  const removed = before.tags.filter((t) => !after.tags.includes(t));
  return [
    ...(added.length > 0
      ? [
          buildEvent('contact.tag.added', {
            ...facts(actor, after),
            data: { contact, tags: added },
          }),
        ]
      : []),
    ...(removed.length > 0
      ? [
          buildEvent('contact.tag.removed', {
            ...facts(actor, after),
            data: { contact, tags: removed },
          }),
        ]
      : []),
  ];
}

/**
 * `contact.owner.claimed` when the contact gets an owner (claim, assign, PATCH), or
 * `contact.owner.released` when it loses one.
 */
export function ownerEvents(actor: Actor, before: ContactDoc, after: ContactDoc): EventEnvelope[] {
  const previousOwnerId = before.ownerId ?? null;
  const ownerId = after.ownerId ?? null;
  if (previousOwnerId === ownerId) return [];
  const type = ownerId === null ? 'contact.owner.released' : 'contact.owner.claimed';
  return [
    buildEvent(type, {
      ...facts(actor, after),
      data: { contact: toContact(after), ownerId, previousOwnerId },
    }),
  ];
}

/** `contact.stage.changed` when the journey stage moved. */
export function stageEvents(actor: Actor, before: ContactDoc, after: ContactDoc): EventEnvelope[] {
  const from = before.stage ?? null;
  const to = after.stage ?? null;
  if (from === to) return [];
  return [
    buildEvent('contact.stage.changed', {
      ...facts(actor, after),
      data: { contact: toContact(after), from, to },
    }),
  ];
}

/**
 * The events of a general edit (PATCH, merge): `contact.updated` with the field diff, plus the
 * specific event of every tag, owner and stage change, so that a consumer of those never misses
 * one whatever the path that made it.
 */
export function updatedEvents(
  actor: Actor,
  before: ContactDoc,
  after: ContactDoc,
): EventEnvelope[] {
  const contact = toContact(after);
  const changes = fieldChanges(toContact(before), contact);
  if (changes.length === 0) return [];
  return [
    buildEvent('contact.updated', { ...facts(actor, after), data: { contact, changes } }),
    ...tagEvents(actor, before, after),
    ...ownerEvents(actor, before, after),
    ...stageEvents(actor, before, after),
  ];
}

export const archivedEvent = (actor: Actor, after: ContactDoc, reason: string): EventEnvelope =>
  buildEvent('contact.archived', {
    ...facts(actor, after),
    data: { contact: toContact(after), reason },
  });

export const restoredEvent = (actor: Actor, after: ContactDoc): EventEnvelope =>
  buildEvent('contact.restored', { ...facts(actor, after), data: { contact: toContact(after) } });

/** `contact.merged` on the survivor: the duplicate's records (deals, tasks, …) move to it. */
export const mergedEvent = (
  actor: Actor,
  survivor: ContactDoc,
  duplicateId: string,
): EventEnvelope =>
  buildEvent('contact.merged', {
    ...facts(actor, survivor),
    data: { survivorId: survivor._id, duplicateId, contact: toContact(survivor) },
  });
