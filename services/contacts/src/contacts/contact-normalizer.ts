import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Channel, ChannelInput, CreateContactInput, DedupRule } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';

const PHONE_TYPES = new Set(['phone', 'sms', 'whatsapp']);

/** Lower-cased emails, E.164 phones; other channel values are trimmed as given. */
export function normaliseChannelValue(channel: ChannelInput, index: number): string {
  const value = channel.value.trim();
  if (channel.type === 'email') {
    const email = value.toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw AppError.validation('invalid email', [
        { path: `channels.${index}.value`, message: 'not an email address' },
      ]);
    }
    return email;
  }
  if (PHONE_TYPES.has(channel.type)) {
    const phone = parsePhoneNumberFromString(value);
    if (!phone || !phone.isPossible()) {
      throw AppError.validation('invalid phone number', [
        {
          path: `channels.${index}.value`,
          message: 'not a phone number in international form (+<country code>…)',
        },
      ]);
    }
    return phone.number;
  }
  return value;
}

/** Normalises values, drops exact duplicates, and makes exactly one channel of each type primary. */
export function normaliseChannels(inputs: ChannelInput[] = []): Channel[] {
  const seen = new Set<string>();
  const channels: Channel[] = [];
  inputs.forEach((input, index) => {
    const value = normaliseChannelValue(input, index);
    const key = `${input.type}:${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    channels.push({
      type: input.type,
      value,
      ...(input.label ? { label: input.label } : {}),
      primary: input.primary === true,
      subscribed: true,
    });
  });
  for (const type of new Set(channels.map((c) => c.type))) {
    const ofType = channels.filter((c) => c.type === type);
    const primary = ofType.find((c) => c.primary) ?? ofType[0];
    ofType.forEach((c) => (c.primary = c === primary));
  }
  return channels;
}

export const primaryValue = (channels: Channel[], type: Channel['type']): string | undefined =>
  channels.find((c) => c.type === type && c.primary)?.value;

/** The name people see: given, else first + last, else the primary email or phone. */
export function displayNameOf(
  input: Pick<CreateContactInput, 'displayName' | 'firstName' | 'lastName'>,
  channels: Channel[],
): string {
  const fromNames = [input.firstName, input.lastName].filter(Boolean).join(' ');
  return (
    input.displayName ||
    fromNames ||
    primaryValue(channels, 'email') ||
    primaryValue(channels, 'phone') ||
    channels[0]?.value ||
    ''
  );
}

/**
 * The contact's key under the workspace's de-duplication rule: `email:<primary email>` (the
 * default) or `phone:<E.164>` (the primary phone, else WhatsApp, else SMS number). Contacts
 * without one get `none:<id>`, which never clashes.
 */
export const dedupKeyOf = (channels: Channel[], contactId: string, rule: DedupRule): string => {
  const value =
    rule === 'phone'
      ? (primaryValue(channels, 'phone') ??
        primaryValue(channels, 'whatsapp') ??
        primaryValue(channels, 'sms'))
      : primaryValue(channels, 'email');
  return value ? `${rule}:${value}` : `none:${contactId}`;
};

export const normaliseTags = (tags: string[] = []): string[] => [
  ...new Set(tags.map((t) => t.trim()).filter(Boolean)),
];
