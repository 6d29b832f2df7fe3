import {
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from 'nats';
import type { SubjectNamespace } from '../namespace';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Stream settings. The duplicate window is what makes an outbox republish after a crash
 * harmless: JetStream drops a message whose Nats-Msg-Id it has seen within the window.
 */
const streamSettings = {
  events: { max_age: nanos(30 * DAY_MS), duplicate_window: nanos(15 * 60 * 1000) },
  messaging: { max_age: nanos(7 * DAY_MS), duplicate_window: nanos(15 * 60 * 1000) },
  deadLetters: { max_age: nanos(30 * DAY_MS), duplicate_window: nanos(2 * 60 * 1000) },
} as const;

/** Creates or updates the three streams; safe to run from every replica at every boot. */
export async function ensureStreams(jsm: JetStreamManager, ns: SubjectNamespace): Promise<void> {
  for (const key of ['events', 'messaging', 'deadLetters'] as const) {
    const { name, subjects } = ns.stream(key);
    const config: Partial<StreamConfig> & { name: string } = {
      name,
      subjects,
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      num_replicas: 1,
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
