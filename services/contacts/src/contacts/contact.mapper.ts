import type { Contact } from '@switchboard/contracts';
import type { ContactDoc } from './contact.schema';

/** Stored document → the contract's Contact (no internal fields such as dedupKey or outbox). */
export function toContact(doc: ContactDoc): Contact {
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    ...(doc.firstName !== undefined ? { firstName: doc.firstName } : {}),
    ...(doc.lastName !== undefined ? { lastName: doc.lastName } : {}),
    displayName: doc.displayName,
    channels: doc.channels,
    companyLinks: doc.companyLinks,
    ...(doc.address && Object.keys(doc.address).length > 0 ? { address: doc.address } : {}),
    ...(doc.locale ? { locale: doc.locale } : {}),
    ...(doc.timeZone ? { timeZone: doc.timeZone } : {}),
    ...(doc.birthMonth ? { birthMonth: doc.birthMonth, birthDay: doc.birthDay } : {}),
    ...(doc.source ? { source: doc.source } : {}),
    ...(doc.leadSource ? { leadSource: doc.leadSource } : {}),
    ...(doc.stage ? { stage: doc.stage } : {}),
    stageHistory: (doc.stageHistory ?? []).map((t) => ({
      from: t.from ?? null,
      to: t.to ?? null,
      at: iso(t.at),
      actor: t.actor,
    })),
    ownerId: doc.ownerId ?? null,
    tags: doc.tags,
    customFields: doc.customFields ?? {},
    metadata: doc.metadata ?? {},
    ...(doc.leadId ? { leadId: doc.leadId } : {}),
    ...(doc.linkedUserId ? { linkedUserId: doc.linkedUserId } : {}),
    status: doc.status,
    statusHistory: (doc.statusHistory ?? []).map((t) => ({
      status: t.status,
      at: iso(t.at),
      actor: t.actor,
      ...(t.reason ? { reason: t.reason } : {}),
    })),
    mergedInto: doc.mergedInto ?? null,
    // Never touched: the creation is the last touch (seed 003), as the list sorts it.
    lastTouchAt: iso(doc.lastTouchAt ?? doc.createdAt),
    segmentIds: doc.segmentIds ?? [],
    version: doc.version,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

const iso = (d: Date | string): string => new Date(d).toISOString();
