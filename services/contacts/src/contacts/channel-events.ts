import type { Actor, EventEnvelope, FieldChange } from '@switchboard/contracts';
import { buildEvent } from '@switchboard/messaging';
import { canonical } from './contact-events';
import { toContact } from './contact.mapper';
import type { ContactDoc } from './contact.schema';

/**
 * `contact.updated` for changes of channels in place (consent, suppression): one change per
 * channel, named `channels.<type>:<value>`, with the channel before and after. None when no
 * channel changed.
 */
export function channelsChangedEvents(
  actor: Actor,
  before: ContactDoc,
  after: ContactDoc,
): EventEnvelope[] {
  const changes: FieldChange[] = after.channels.flatMap((to, i) => {
    const from = before.channels[i];
    if (from && canonical(from) === canonical(to)) return [];
    return [{ field: `channels.${to.type}:${to.value}`, from: from ?? null, to }];
  });
  if (changes.length === 0) return [];
  return [
    buildEvent('contact.updated', {
      workspaceId: after.workspaceId,
      actor,
      aggregateId: after._id,
      aggregateVersion: after.version,
      occurredAt: after.updatedAt,
      data: { contact: toContact(after), changes },
    }),
  ];
}
