import {
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from 'nats';
import { STREAM_LIMITS } from '@switchboard/contracts';
import type { SubjectNamespace } from '../namespace';

const DAY_MS = 24 * 60 * 60 * 1000;

type StreamKey = 'events' | 'messaging' | 'deadLetters';

/** Byte and age limits of one stream. */
export interface StreamLimits {
  maxBytes: number;
  maxAgeDays: number;
}
export type StreamLimitSettings = Record<StreamKey, StreamLimits>;

/**
 * Stream settings. The duplicate window is what makes an outbox republish after a crash
 * harmless: JetStream drops a message whose Nats-Msg-Id it has seen within the window. A full
 * events or messaging stream refuses new messages (the outbox keeps its events and retries, a
 * messaging sender sees the refusal) rather than dropping ones consumers may not have read yet;
 * the dead-letter stream keeps its newest.
 */
const streamSettings = {
  events: { duplicate_window: nanos(15 * 60 * 1000), discard: DiscardPolicy.New },
  messaging: { duplicate_window: nanos(15 * 60 * 1000), discard: DiscardPolicy.New },
  deadLetters: { duplicate_window: nanos(2 * 60 * 1000), discard: DiscardPolicy.Old },
} as const;

/**
 * Creates or updates the three streams with their limits; safe to run from every replica at
 * every boot. A stream's `max_bytes` is reserved against the server's JetStream storage.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  ns: SubjectNamespace,
  limits: StreamLimitSettings = STREAM_LIMITS,
): Promise<void> {
  for (const key of ['events', 'messaging', 'deadLetters'] as const) {
    const { name, subjects } = ns.stream(key);
    const config: Partial<StreamConfig> & { name: string } = {
      name,
      subjects,
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      num_replicas: 1,
      max_bytes: limits[key].maxBytes,
      max_age: nanos(limits[key].maxAgeDays * DAY_MS),
      ...streamSettings[key],
    };
    try {
      await jsm.streams.add(config);
    } catch (err) {
      // Another replica created it first, or its settings changed since: update in place.
      if (!/already in use|already exists/i.test(String((err as Error).message))) throw err;
      await jsm.streams.update(name, config);
    }
  }
}
