import {
  CONSENT_HISTORY_MAX,
  CHANNEL_TYPES,
  type Channel,
  type ChannelType,
  type ConsentChange,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { normaliseChannelValue } from './contact-normalizer';

/**
 * The channel a path's `<type>:<value>` names, by its index in `channels`: the value is
 * normalised as stored (`email:Ada@Example.com` names `ada@example.com`). Not found → 404.
 */
export function channelIndexOf(channels: Channel[], key: string): number {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon) as ChannelType;
  const notFound = () => AppError.notFound('channel', key);
  if (!(CHANNEL_TYPES as readonly string[]).includes(type)) throw notFound();
  let value: string;
  try {
    value = normaliseChannelValue({ type, value: key.slice(colon + 1) }, 0);
  } catch {
    throw notFound();
  }
  const index = channels.findIndex((c) => c.type === type && c.value === value);
  if (index < 0) throw notFound();
  return index;
}

/** A consent time given by a client: never after `now` (422-style validation error). */
export function assertNotFuture(at: string | undefined, now: Date): void {
  if (at !== undefined && Date.parse(at) > now.getTime()) {
    throw AppError.validation('consent time is in the future', [
      { path: 'at', message: 'must not be in the future' },
    ]);
  }
}

const sameChange = (a: ConsentChange, b: ConsentChange) =>
  a.status === b.status &&
  Date.parse(a.at) === Date.parse(b.at) &&
  a.source === b.source &&
  a.ip === b.ip;

/**
 * The channel with a consent change recorded (decision 0120): history kept in order of `at`
 * (the latest CONSENT_HISTORY_MAX), the current status is the latest given, `subscribed` is false
 * exactly when it is `opted_out`. A back-dated change joins the history without overriding a
 * later one. Recording the same change again returns the same object.
 */
export function withConsent(channel: Channel, change: ConsentChange): Channel {
  const previous = channel.consent?.history ?? [];
  if (previous.some((h) => sameChange(h, change))) return channel;
  const history = [...previous, change]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .slice(-CONSENT_HISTORY_MAX);
  const latest = history[history.length - 1];
  const lastOf = (status: ConsentChange['status']) =>
    [...history].reverse().find((h) => h.status === status)?.at;
  const optInAt = lastOf('opted_in') ?? channel.consent?.optInAt;
  const unsubscribedAt = lastOf('opted_out') ?? channel.consent?.unsubscribedAt;
  return {
    ...channel,
    subscribed: latest.status !== 'opted_out',
    consent: {
      status: latest.status,
      at: latest.at,
      source: latest.source,
      ...(latest.ip ? { ip: latest.ip } : {}),
      ...(optInAt ? { optInAt } : {}),
      ...(unsubscribedAt ? { unsubscribedAt } : {}),
      history,
    },
  };
}
