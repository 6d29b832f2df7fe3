import type { EventEnvelope } from '@switchboard/contracts';
import { activityRecorded } from '../timeline/activity-recorded';
import type { TimelineEntryDoc } from '../timeline/timeline-entry.schema';
import { consequences, type InboundMessage } from './inbound-message';

const LABEL: Record<string, string> = {
  email: 'Email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  linkedin: 'LinkedIn message',
  telegram: 'Telegram message',
  bot: 'Bot',
};

/** The timeline entry of an inbound event, on its contact (pure). */
export function messagingEntry(
  m: InboundMessage,
  contactId: string,
  recordedAt: Date,
): TimelineEntryDoc {
  const p = m.payload;
  const { direction } = consequences(m);
  return {
    _id: m.entryId,
    workspaceId: m.workspaceId,
    anchorType: 'contact',
    anchorId: contactId,
    contactId,
    type: m.type,
    occurredAt: new Date(p.occurredAt),
    actor: { type: 'service', id: `messaging.${m.channel}` },
    summary: `${LABEL[m.channel] ?? m.channel} ${m.event}${p.campaignId ? ` (campaign ${p.campaignId})` : ''}`,
    detailJson: JSON.stringify({
      channel: m.channel,
      event: m.event,
      direction,
      address: p.address ?? null,
      campaignId: p.campaignId ?? null,
      messageId: p.messageId ?? null,
      data: p.detail ?? {},
    }),
    sourceEventId: p.id,
    refId: null,
    hidden: false,
    recordedAt,
  };
}

/** The `activity.recorded` of an inbound event's entry. */
export function recordedFromInbound(m: InboundMessage, entry: TimelineEntryDoc): EventEnvelope {
  const { touch, direction } = consequences(m);
  return activityRecorded(entry, {
    contactId: entry.anchorId,
    activity: m.type,
    channel: m.channel,
    direction,
    touch,
    campaignId: m.payload.campaignId ?? null,
    messageId: m.payload.messageId ?? null,
  });
}
