import type { Actor, CreateContactInput, DedupRule } from '@switchboard/contracts';
import { dedupKeyOf, displayNameOf, normaliseChannels, normaliseTags } from './contact-normalizer';
import { withDerivedFields } from './contact-search';
import type { ContactDoc } from './contact.schema';

/** What building a new contact needs besides the client's input. */
export interface NewContactContext {
  id: string;
  workspaceId: string;
  actor: Actor;
  now: Date;
  /** The workspace's de-duplication rule (`ContactRules.dedupRule`). */
  dedupRule: DedupRule;
}

/**
 * A new contact document from a validated create input: normalised channels and tags, derived
 * display name and dedup key, first stage transition. Pure, so create and import share it.
 */
export function buildContactDoc(input: CreateContactInput, c: NewContactContext): ContactDoc {
  const channels = normaliseChannels(input.channels);
  return withDerivedFields({
    _id: c.id,
    workspaceId: c.workspaceId,
    firstName: input.firstName,
    lastName: input.lastName,
    displayName: displayNameOf(input, channels),
    channels,
    companyLinks: input.companyLinks ?? [],
    address: input.address,
    locale: input.locale,
    timeZone: input.timeZone,
    birthMonth: input.birthMonth,
    birthDay: input.birthDay,
    source: input.source ?? 'manual',
    leadSource: input.leadSource,
    stage: input.stage,
    stageHistory: input.stage ? [{ from: null, to: input.stage, at: c.now, actor: c.actor }] : [],
    ownerId: input.ownerId ?? null,
    tags: normaliseTags(input.tags),
    // A null value on create means no value: it is not stored.
    customFields: Object.fromEntries(
      Object.entries(input.customFields ?? {}).filter(([, v]) => v !== null),
    ),
    metadata: input.metadata ?? {},
    leadId: input.leadId,
    linkedUserId: input.linkedUserId,
    status: 'active',
    statusHistory: [],
    mergedInto: null,
    lastTouchAt: null,
    segmentIds: [],
    dedupKey: dedupKeyOf(channels, c.id, c.dedupRule),
    version: 1,
    createdAt: c.now,
    updatedAt: c.now,
  });
}
