import type { Channel, ChannelType, FieldError } from '@switchboard/contracts';
import { isIP } from 'node:net';
import { withConsent } from '../contacts/channel-consent';

/** The source recorded for consent read from an import (seed 004). */
export const IMPORT_CONSENT_SOURCE = 'CSV Import';

/** Consent cells of one row: a status for all channels and/or per type, when and where. */
export interface RowConsent {
  all?: 'opted_in' | 'opted_out';
  byType: Partial<Record<ChannelType, 'opted_in' | 'opted_out'>>;
  at?: string;
  ip?: string;
}

const OPTED_IN = /^(opted[ _-]?in|opt[ _-]?in|yes|y|true|1|subscribed|granted|given)$/i;
const OPTED_OUT = /^(opted[ _-]?out|opt[ _-]?out|no|n|false|0|unsubscribed|refused|withdrawn)$/i;

/** Whether an import target is one of the consent columns (`consent`, `consent.<type>`, …). */
export const isConsentField = (field: string): boolean =>
  field === 'consent' ||
  field.startsWith('consent.') ||
  field === 'consentAt' ||
  field === 'consentIp';

/** Reads one non-blank consent cell into the row's consent; problems go to `errors`. */
export function readConsentCell(
  consent: RowConsent,
  field: string,
  value: string,
  errors: FieldError[],
  now: Date,
): void {
  if (field === 'consentAt') {
    const at = Date.parse(value);
    if (Number.isNaN(at)) errors.push({ path: 'consentAt', message: 'not a date or time' });
    else if (at > now.getTime()) {
      errors.push({ path: 'consentAt', message: 'must not be in the future' });
    } else consent.at = new Date(at).toISOString();
    return;
  }
  if (field === 'consentIp') {
    if (isIP(value) === 0) errors.push({ path: 'consentIp', message: 'not an IP address' });
    else consent.ip = value;
    return;
  }
  if (/^unknown$/i.test(value)) return;
  const status = OPTED_IN.test(value) ? 'opted_in' : OPTED_OUT.test(value) ? 'opted_out' : null;
  if (!status) {
    errors.push({ path: field, message: 'not a consent value (opted_in, opted_out, yes, no)' });
    return;
  }
  if (field === 'consent') consent.all = status;
  else consent.byType[field.slice('consent.'.length) as ChannelType] = status;
}

/** The channels with the row's consent recorded (source `CSV Import`). */
export function withRowConsent(
  channels: Channel[],
  consent: RowConsent | undefined,
  now: Date,
): Channel[] {
  if (!consent) return channels;
  return channels.map((c) => {
    const status = consent.byType[c.type] ?? consent.all;
    if (!status) return c;
    return withConsent(c, {
      status,
      at: consent.at ?? now.toISOString(),
      source: IMPORT_CONSENT_SOURCE,
      ...(consent.ip ? { ip: consent.ip } : {}),
      recordedAt: now.toISOString(),
    });
  });
}

/**
 * A duplicate's channels with the consent an import row recorded on the same channels (type and
 * value): each change is added through `withConsent`, so a replayed batch adds nothing twice.
 */
export function withImportedConsent(channels: Channel[], imported: Channel[]): Channel[] {
  const byKey = new Map(
    imported.filter((c) => c.consent?.history?.length).map((c) => [`${c.type}:${c.value}`, c]),
  );
  if (byKey.size === 0) return channels;
  return channels.map((channel) => {
    const history = byKey.get(`${channel.type}:${channel.value}`)?.consent?.history ?? [];
    return history.reduce((acc, change) => withConsent(acc, change), channel);
  });
}
