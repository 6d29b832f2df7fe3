import type {
  Actor,
  Channel,
  ChannelInput,
  DedupRule,
  UpdateContactInput,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { dedupKeyOf, displayNameOf, normaliseChannels, normaliseTags } from './contact-normalizer';
import type { ContactDoc } from './contact.schema';
import { shapeErrors, withStage } from './contact-writes';

export interface PatchContext {
  actor: Actor;
  now: Date;
  dedupRule: DedupRule;
}

/** Optional text: null clears it (blank values never reach here: `withoutBlanks`). */
const text = (v: string | null): string | undefined => (v ? v : undefined);

const isBlank = (v: unknown): boolean => typeof v === 'string' && v.trim() === '';

/**
 * The patch without its blank values (seed 003: "fields left blank do not clear server-side
 * values"): a top-level field or a custom-field value given as a blank string is dropped, as if
 * absent; only `null` clears. Address lines given blank are kept by `applyPatch`.
 */
export function withoutBlanks<P extends UpdateContactInput | Omit<UpdateContactInput, 'version'>>(
  patch: P,
): P {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (isBlank(value)) continue;
    if (key === 'customFields' && value) {
      const kept = Object.entries(value as Record<string, unknown>).filter(([, v]) => !isBlank(v));
      if (kept.length > 0) next[key] = Object.fromEntries(kept);
      continue;
    }
    next[key] = value;
  }
  return next as P;
}

/** A patch's address: lines given blank keep their stored value; only blanks: unchanged. */
function patchedAddress(
  current: ContactDoc['address'],
  patch: NonNullable<UpdateContactInput['address']>,
): ContactDoc['address'] {
  const entries = Object.entries(patch);
  const blanks = entries.filter(([, v]) => isBlank(v)).map(([k]) => k);
  if (entries.length > 0 && blanks.length === entries.length) return current;
  const next: Record<string, string> = {};
  for (const [k, v] of entries) {
    const kept = isBlank(v) ? (current as Record<string, string> | undefined)?.[k] : v;
    if (kept !== undefined) next[k] = kept;
  }
  return Object.keys(next).length > 0 ? next : undefined;
}

/** Whether the stored display name is the derived one (so it follows names and channels). */
export const isDerivedName = (
  doc: Pick<ContactDoc, 'displayName' | 'firstName' | 'lastName' | 'channels'>,
): boolean =>
  doc.displayName ===
  displayNameOf({ firstName: doc.firstName, lastName: doc.lastName }, doc.channels);

/** Values by key merged one level deep: a `null` value removes the key; `null` clears all. */
function mergeMap(
  current: Record<string, unknown>,
  patch: Record<string, unknown> | null,
): Record<string, unknown> {
  if (patch === null) return {};
  const next = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}

/**
 * The new channel list: normalised as on create; a channel that stays (same type and normalised
 * value) keeps its consent, subscription and suppression, which only their own flows change.
 */
export function replaceChannels(current: Channel[], inputs: ChannelInput[]): Channel[] {
  const previous = new Map(current.map((c) => [`${c.type}:${c.value}`, c]));
  return normaliseChannels(inputs).map((c) => {
    const old = previous.get(`${c.type}:${c.value}`);
    if (!old) return c;
    return {
      ...c,
      subscribed: old.subscribed,
      ...(old.consent ? { consent: old.consent } : {}),
      ...(old.suppression ? { suppression: old.suppression } : {}),
    };
  });
}

/**
 * The contact after a partial update (absent or blank = unchanged, `null` = clear), before its version is
 * bumped. `customFields` and `metadata` merge per key (a `null` value removes the key); every
 * other field is replaced as a whole. The display name, when it was derived, follows the new
 * names and channels; the dedup key is recomputed when the channels change. Throws
 * `validation_failed` if the result breaks the create rules.
 */
export function applyPatch(
  doc: ContactDoc,
  patch: UpdateContactInput,
  c: PatchContext,
): ContactDoc {
  let next: ContactDoc = { ...doc };
  const p = withoutBlanks(patch);
  if (p.firstName !== undefined) next.firstName = text(p.firstName);
  if (p.lastName !== undefined) next.lastName = text(p.lastName);
  if (p.locale !== undefined) next.locale = text(p.locale);
  if (p.timeZone !== undefined) next.timeZone = text(p.timeZone);
  if (p.source !== undefined) next.source = text(p.source);
  if (p.leadSource !== undefined) next.leadSource = text(p.leadSource);
  if (p.leadId !== undefined) next.leadId = text(p.leadId);
  if (p.linkedUserId !== undefined) next.linkedUserId = text(p.linkedUserId);
  if (p.birthMonth !== undefined) next.birthMonth = p.birthMonth ?? undefined;
  if (p.birthDay !== undefined) next.birthDay = p.birthDay ?? undefined;
  if (p.address !== undefined) {
    next.address = p.address ? patchedAddress(doc.address, p.address) : undefined;
  }
  if (p.ownerId !== undefined) next.ownerId = p.ownerId;
  if (p.tags !== undefined) next.tags = normaliseTags(p.tags ?? []);
  if (p.companyLinks !== undefined) next.companyLinks = p.companyLinks ?? [];
  if (p.customFields !== undefined)
    next.customFields = mergeMap(doc.customFields ?? {}, p.customFields);
  if (p.metadata !== undefined) next.metadata = mergeMap(doc.metadata ?? {}, p.metadata);
  if (p.channels !== undefined) {
    next.channels = replaceChannels(doc.channels, p.channels ?? []);
    next.dedupKey = dedupKeyOf(next.channels, doc._id, c.dedupRule);
  }
  const explicitName =
    p.displayName !== undefined
      ? text(p.displayName)
      : isDerivedName(doc)
        ? undefined
        : doc.displayName;
  next.displayName = displayNameOf(
    { displayName: explicitName, firstName: next.firstName, lastName: next.lastName },
    next.channels,
  );
  if (p.stage !== undefined) next = withStage(next, text(p.stage), c.actor, c.now);
  const errors = shapeErrors(next);
  if (errors.length > 0) throw AppError.validation('the contact would be invalid', errors);
  return next;
}
