import { headers as natsHeaders, JSONCodec, type JetStreamClient } from 'nats';
import type { SubjectNamespace } from '@switchboard/messaging';
import { http, sleep } from '@switchboard/testing';

/** What the mixed load touches: the gateway (its address changes on restart) and JetStream. */
export interface LoadTarget {
  gatewayUrl(): string;
  token: string;
  workspaceId: string;
  js: JetStreamClient;
  subjects: SubjectNamespace;
  /** A dynamic segment whose filter the load edits, and a static one it includes into. */
  dynamicSegmentId: string;
  staticSegmentId: string;
  pipelineId: string;
}

export type OpKind = 'contact' | 'tag' | 'messaging' | 'segment' | 'explicit' | 'deal' | 'task';

/** The dynamic segment's two definitions the load alternates between. */
export const FILTERS = [
  { field: 'tags', op: 'has_any', value: ['hot'] },
  { field: 'tags', op: 'has_any', value: ['hot', 'warm'] },
] as const;

/** Every write the platform acknowledged (a 2xx answer, a JetStream PubAck), by kind. */
export interface Acknowledged {
  contacts: Set<string>;
  /** contact id → unique tags whose addition was acknowledged */
  tags: Map<string, Set<string>>;
  messaging: { id: string; contactId: string }[];
  /** static segment: contact id → the last acknowledged explicit request (each contact once) */
  explicit: Map<string, 'include' | 'exclude'>;
  deals: Set<string>;
  tasks: Set<string>;
}

const codec = JSONCodec();
const CYCLE: OpKind[] = ['contact', 'tag', 'messaging', 'explicit', 'tag', 'messaging', 'deal'];
const EVERY_SEGMENT_EDIT = 9;
const EVERY_TASK = 11;

/**
 * A steady, modest mixed load: two lanes, one operation at a time each, that keep going through
 * crashes (an error is an unacknowledged write, not a failure of the test) and record what was
 * acknowledged. Waiting for progress is event-based: `progress(n)` resolves after n more acks.
 */
export class MixedLoad {
  readonly acked: Acknowledged = {
    contacts: new Set(),
    tags: new Map(),
    messaging: [],
    explicit: new Map(),
    deals: new Set(),
    tasks: new Set(),
  };
  readonly counts: Record<'acked' | 'failed', Record<OpKind, number>> = {
    acked: { contact: 0, tag: 0, messaging: 0, segment: 0, explicit: 0, deal: 0, task: 0 },
    failed: { contact: 0, tag: 0, messaging: 0, segment: 0, explicit: 0, deal: 0, task: 0 },
  };
  private seq = 0;
  private stopped = false;
  private lanes: Promise<void>[] = [];
  private waiters: { kinds?: OpKind[]; left: number; resolve: () => void }[] = [];
  /** Contacts not yet used for an explicit request (each gets at most one). */
  private freshForExplicit: string[] = [];
  private included: string[] = [];

  constructor(
    private readonly target: LoadTarget,
    private readonly pauseMs = 120,
  ) {}

  start(lanes = 2): void {
    for (let i = 0; i < lanes; i++) this.lanes.push(this.lane());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.lanes);
  }

  /** Resolves once `n` more writes (of these kinds, default any) were acknowledged. */
  progress(n: number, kinds?: OpKind[]): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ kinds, left: n, resolve }));
  }

  private async lane(): Promise<void> {
    while (!this.stopped) {
      const n = this.seq++;
      const kind =
        n % EVERY_SEGMENT_EDIT === EVERY_SEGMENT_EDIT - 1
          ? 'segment'
          : n % EVERY_TASK === EVERY_TASK - 1
            ? 'task'
            : CYCLE[n % CYCLE.length];
      let ok = false;
      try {
        ok = await this.run(kind, n);
      } catch {
        ok = false; // a refused connection, a reset, a JetStream timeout: not acknowledged
      }
      this.counts[ok ? 'acked' : 'failed'][kind]++;
      if (ok) this.notify(kind);
      // Pacing keeps the load modest; a failure backs off a little more (a process is down).
      await sleep(ok ? this.pauseMs : this.pauseMs * 3);
    }
  }

  private notify(kind: OpKind): void {
    for (const w of [...this.waiters]) {
      if (w.kinds && !w.kinds.includes(kind)) continue;
      if (--w.left <= 0) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  private pick(): string | undefined {
    const ids = [...this.acked.contacts];
    return ids.length ? ids[Math.floor(Math.random() * ids.length)] : undefined;
  }

  private call(method: string, path: string, body?: unknown) {
    return http<{ id: string }>(this.target.gatewayUrl(), method, path, {
      token: this.target.token,
      body,
    });
  }

  /** One operation; true when the platform acknowledged it. */
  private async run(kind: OpKind, n: number): Promise<boolean> {
    const t = this.target;
    switch (kind) {
      case 'contact': {
        const res = await this.call('POST', '/v1/contacts', {
          firstName: `Chaos ${n}`,
          channels: [{ type: 'email', value: `chaos-${n}-${t.workspaceId}@example.com` }],
          tags: n % 3 === 0 ? ['hot'] : n % 3 === 1 ? ['warm'] : [],
        });
        if (res.status !== 201) return false;
        this.acked.contacts.add(res.body.id);
        this.freshForExplicit.push(res.body.id);
        return true;
      }
      case 'tag': {
        const id = this.pick();
        if (!id) return false;
        // A unique tag to check it was stored, and 'hot' in or out to move memberships.
        const tag = `t${n}`;
        const hot = n % 2 === 0 ? { add: [tag, 'hot'] } : { add: [tag], remove: ['hot'] };
        const res = await this.call('POST', `/v1/contacts/${id}/tags`, hot);
        if (res.status !== 200) return false;
        const tags = this.acked.tags.get(id) ?? new Set<string>();
        this.acked.tags.set(id, tags.add(tag));
        return true;
      }
      case 'messaging': {
        const contactId = this.pick();
        if (!contactId) return false;
        const id = `chaos-msg-${n}`;
        await t.js.publish(
          t.subjects.messaging(t.workspaceId, 'email', n % 2 ? 'opened' : 'delivered'),
          codec.encode({ id, occurredAt: new Date().toISOString(), contactId }),
          { headers: natsHeaders() },
        );
        this.acked.messaging.push({ id, contactId });
        return true;
      }
      case 'segment': {
        const res = await this.call('PATCH', `/v1/segments/${t.dynamicSegmentId}`, {
          filter: FILTERS[n % 2],
        });
        return res.status === 200;
      }
      case 'explicit': {
        // Include a fresh contact, or now and then exclude one included before: each contact
        // gets at most one request of each kind, so the expected end state is known.
        const exclude = this.included.length > 0 && n % 4 === 0;
        const id = exclude ? this.included.shift() : this.freshForExplicit.shift();
        if (!id) return false;
        // Until acknowledged, an exclude may or may not have happened: expect nothing of it.
        this.acked.explicit.delete(id);
        const res = await this.call(
          'POST',
          `/v1/segments/${t.staticSegmentId}/members`,
          exclude ? { remove: [id] } : { add: [id] },
        );
        if (res.status >= 300) return false;
        this.acked.explicit.set(id, exclude ? 'exclude' : 'include');
        if (!exclude) this.included.push(id);
        return true;
      }
      case 'deal': {
        const contactId = this.pick();
        if (!contactId) return false;
        const res = await this.call('POST', '/v1/deals', {
          title: `Deal ${n}`,
          pipelineId: t.pipelineId,
          contactId,
        });
        if (res.status !== 201) return false;
        this.acked.deals.add(res.body.id);
        return true;
      }
      case 'task': {
        const contactId = this.pick();
        if (!contactId) return false;
        const res = await this.call('POST', '/v1/tasks', {
          title: `Task ${n}`,
          anchor: { type: 'contact', id: contactId },
        });
        if (res.status !== 201) return false;
        this.acked.tasks.add(res.body.id);
        return true;
      }
    }
  }
}
