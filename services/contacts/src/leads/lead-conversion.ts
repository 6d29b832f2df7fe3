import { withConsent } from '../contacts/channel-consent';
import type { Channel, ChannelInput, CreateContactInput } from '@switchboard/contracts';
import type { ContactDoc } from '../contacts/contact.schema';
import { normaliseTags } from '../contacts/contact-normalizer';
import type { LeadDoc } from './lead.schema';

/**
 * The id of the contact a lead becomes: the lead's id as a UUID of version 8 (no generated id
 * has it), the same on every attempt, so a conversion retried after a crash finds the contact
 * it created instead of creating a second one.
 */
export const contactIdOfLead = (leadId: string): string =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-7/.test(leadId)
    ? `${leadId.slice(0, 14)}8${leadId.slice(15)}`
    : `lead-${leadId}`;

/** The create input of the contact a lead becomes (checked by the contact rules as any create). */
export function contactInputOf(
  lead: LeadDoc,
  isLeadSource: (s: string) => boolean,
): CreateContactInput {
  const channels: ChannelInput[] = [];
  if (lead.email) channels.push({ type: 'email', value: lead.email, primary: true });
  if (lead.phone) channels.push({ type: 'phone', value: lead.phone, primary: true });
  const capture = lead.capture;
  const leadInfo = Object.fromEntries(
    Object.entries({
      formId: lead.formId,
      companyName: lead.companyName,
      jobTitle: lead.jobTitle,
      utm: capture.utm,
    }).filter(([, v]) => v !== null && v !== undefined),
  );
  return {
    ...(lead.firstName ? { firstName: lead.firstName } : {}),
    ...(lead.lastName ? { lastName: lead.lastName } : {}),
    ...(!lead.firstName && !lead.lastName ? { displayName: lead.displayName } : {}),
    channels,
    source: lead.source,
    ...(isLeadSource(lead.source) ? { leadSource: lead.source } : {}),
    tags: lead.tags,
    leadId: lead._id,
    ...(lead.assigneeId ? { ownerId: lead.assigneeId } : {}),
    ...(Object.keys(leadInfo).length > 0 ? { metadata: { lead: leadInfo } } : {}),
  };
}

/**
 * The consent given at capture, on the channels it was given for (the lead's email and phone):
 * opted in with time, source and IP; consent refused leaves them unsubscribed. A channel the
 * person unsubscribed from after the capture stays unsubscribed, and suppression (bounces,
 * complaints) is never lifted by a form.
 */
export function withCaptureConsent(channels: Channel[], lead: LeadDoc): Channel[] {
  const consent = lead.capture.consent;
  if (!consent) return channels;
  // Never later than the server received the capture (a lead stored with a future `at` before
  // capture times were clamped cannot outrank a later unsubscribe either).
  const at = new Date(Math.min(+new Date(consent.at), +new Date(lead.capture.receivedAt)));
  const given = (ch: Channel) =>
    (ch.type === 'email' && ch.value === lead.email) ||
    (ch.type === 'phone' && ch.value === lead.phone);
  return channels.map((ch) => {
    if (!given(ch)) return ch;
    const unsubscribedAt = ch.consent?.unsubscribedAt;
    if (unsubscribedAt && new Date(unsubscribedAt) > at) return ch;
    if (!consent.given && ch.consent?.optInAt) return ch;
    // Recorded as a consent change (decision 0120): status, history, `subscribed` following it.
    return withConsent(ch, {
      status: consent.given ? 'opted_in' : 'opted_out',
      at: at.toISOString(),
      source: consent.source,
      ...(consent.ip ? { ip: consent.ip } : {}),
      recordedAt: new Date(lead.capture.receivedAt).toISOString(),
    });
  });
}

/**
 * What attaching a lead changes on the contact the dedup rule found: the lead's tags added,
 * `leadId` set when the contact has none, names filled where the contact has none, the capture
 * consent on the matching channels. Returns the same object when nothing changes.
 */
export function attachLead(doc: ContactDoc, lead: LeadDoc): ContactDoc {
  const tags = normaliseTags([...doc.tags, ...lead.tags]);
  const channels = withCaptureConsent(doc.channels, lead);
  const next: ContactDoc = {
    ...doc,
    tags,
    channels,
    ...(doc.leadId ? {} : { leadId: lead._id }),
    ...(!doc.firstName && lead.firstName ? { firstName: lead.firstName } : {}),
    ...(!doc.lastName && lead.lastName ? { lastName: lead.lastName } : {}),
  };
  const same =
    JSON.stringify([next.tags, next.channels, next.leadId, next.firstName, next.lastName]) ===
    JSON.stringify([doc.tags, doc.channels, doc.leadId, doc.firstName, doc.lastName]);
  return same ? doc : next;
}
