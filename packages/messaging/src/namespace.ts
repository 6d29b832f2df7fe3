import { STREAMS, SUBJECT_ROOTS } from '@switchboard/contracts';

type StreamKey = keyof typeof STREAMS;

/**
 * Builds every subject and stream name from an optional prefix, so several environments (or
 * test files) can share one NATS server without seeing each other. Production uses no prefix:
 * the subjects are then exactly the ones in the public contract.
 */
export class SubjectNamespace {
  readonly prefix: string;

  constructor(prefix = '') {
    if (prefix && !/^[A-Za-z0-9_-]+\.$/.test(prefix)) {
      throw new Error(`NATS prefix must look like "name." (got "${prefix}")`);
    }
    this.prefix = prefix;
  }

  /** `rpc.contacts.create` → `<prefix>rpc.contacts.create`. */
  rpc(subject: string): string {
    return this.prefix + subject;
  }

  /** `crm.<workspaceId>.<type>` where type is `contact.created`, `contact.tag.added`, … */
  event(workspaceId: string, type: string): string {
    return `${this.prefix}${SUBJECT_ROOTS.events}.${workspaceId}.${type}`;
  }

  /** Filter for one event type across workspaces: `crm.*.contact.created`. */
  eventFilter(type: string): string {
    return `${this.prefix}${SUBJECT_ROOTS.events}.*.${type}`;
  }

  messaging(workspaceId: string, channel: string, event: string): string {
    return `${this.prefix}${SUBJECT_ROOTS.messaging}.${workspaceId}.${channel}.${event}`;
  }

  /** `dlq.<consumer>.<original subject without prefix>` */
  deadLetter(consumer: string, originalSubject: string): string {
    return `${this.prefix}${SUBJECT_ROOTS.deadLetters}.${consumer}.${this.strip(originalSubject)}`;
  }

  stream(key: StreamKey): { name: string; subjects: string[] } {
    const s = STREAMS[key];
    return { name: this.namePrefix + s.name, subjects: s.subjects.map((x) => this.prefix + x) };
  }

  /** An object store (or KV) bucket name: `contact-imports` → `<prefix>_contact-imports`. */
  bucket(name: string): string {
    return this.namePrefix + name;
  }

  private get namePrefix(): string {
    return this.prefix ? this.prefix.slice(0, -1).replace(/[^A-Za-z0-9_-]/g, '_') + '_' : '';
  }

  /** Removes the prefix: what the public contract calls the subject. */
  strip(subject: string): string {
    return this.prefix && subject.startsWith(this.prefix)
      ? subject.slice(this.prefix.length)
      : subject;
  }
}
