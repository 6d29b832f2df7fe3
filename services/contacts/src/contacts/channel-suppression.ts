import type { Channel } from '@switchboard/contracts';
import { suppressionKey } from '../suppressions/suppression-list';

/** What a channel shows of an active suppression: its first reason and since when. */
export type ActiveSuppression = NonNullable<Channel['suppression']>;

/**
 * The channels with the active suppressions of the list applied (decision 0121): a channel whose
 * address is listed gets `suppression` (one it already has stands, unless the list's is earlier).
 * The same array when nothing changes.
 */
export function withSuppressions(
  channels: Channel[],
  active: ReadonlyMap<string, ActiveSuppression>,
): Channel[] {
  if (active.size === 0) return channels;
  let changed = false;
  const next = channels.map((c) => {
    const entry = active.get(suppressionKey(c.type, c.value));
    // One it already has stands, unless the list now dates the suppression earlier.
    if (!entry || (c.suppression && c.suppression.at <= entry.at)) return c;
    changed = true;
    return { ...c, suppression: { reason: entry.reason, at: entry.at } };
  });
  return changed ? next : channels;
}

/** The channels with the suppression of `key` removed (the list entry was lifted). */
export function withoutSuppression(channels: Channel[], key: string): Channel[] {
  let changed = false;
  const next = channels.map((c) => {
    if (!c.suppression || suppressionKey(c.type, c.value) !== key) return c;
    changed = true;
    const { suppression, ...rest } = c;
    return rest;
  });
  return changed ? next : channels;
}

/** Keys of the channels in `after` that `before` did not have (added channels). */
export function addedChannelKeys(before: Channel[], after: Channel[]): string[] {
  const had = new Set(before.map((c) => suppressionKey(c.type, c.value)));
  return [...new Set(after.map((c) => suppressionKey(c.type, c.value)).filter((k) => !had.has(k)))];
}
