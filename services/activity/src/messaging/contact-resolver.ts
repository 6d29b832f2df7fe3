import { Inject, Injectable } from '@nestjs/common';
import { RPC, type ChannelType, type RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { currentRequestId, newRequestId, RpcClient } from '@switchboard/messaging';
import { CONFIG } from '@switchboard/runtime';
import type { ActivityConfig } from '../config';

/** Lookups in flight at once per batch (a cold cache after a restart is the busy case). */
const CONCURRENCY = 48;
/** Remembered lookups at most (oldest forgotten first). */
const MAX_ENTRIES = 100_000;
const MERGE_HOPS = 5;

/** The context of a call the activity service makes on its own behalf. */
export function serviceContext(workspaceId: string): RequestContext {
  return {
    workspaceId,
    actor: { type: 'service', id: 'activity' },
    role: 'service',
    capabilities: [],
    scope: 'all',
    requestId: currentRequestId() ?? newRequestId(),
  };
}

/**
 * Who an inbound event is about, asked of the contacts service (`rpc.contacts.get` for a
 * contact id — following merges to the survivor — `rpc.contacts.findByChannel` for an address)
 * and remembered for CONTACT_CACHE_TTL_MS. "Nobody" is remembered too; the contact events that
 * make someone appear forget it at once in this replica (others wait out the TTL; parked
 * events are re-matched anyway).
 */
@Injectable()
export class ContactResolver {
  private readonly cache = new Map<string, { contactId: string | null; until: number }>();
  /**
   * Lookups on their way, shared: batches handled at once after a restart all miss the cache
   * for the same people, and would otherwise each ask for them.
   */
  private readonly pending = new Map<string, Promise<string | null>>();

  constructor(
    private readonly rpc: RpcClient,
    @Inject(CONFIG) private readonly config: ActivityConfig,
  ) {}

  /** Resolves lookup keys (`id:…`, `addr:<type>:<value>`) of one workspace; `fresh` skips the cache. */
  async resolve(
    workspaceId: string,
    keys: string[],
    { fresh = false } = {},
  ): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    const todo: string[] = [];
    const now = Date.now();
    for (const key of new Set(keys)) {
      const hit = fresh ? undefined : this.cache.get(`${workspaceId}|${key}`);
      if (hit && hit.until > now) out.set(key, hit.contactId);
      else todo.push(key);
    }
    // Keys another batch is already looking up wait for that answer (not when `fresh`: that
    // lookup may have started before what the caller needs to see).
    const shared = fresh ? [] : todo.filter((k) => this.pending.has(`${workspaceId}|${k}`));
    const own = fresh ? todo : todo.filter((k) => !this.pending.has(`${workspaceId}|${k}`));
    let next = 0;
    const worker = async () => {
      while (next < own.length) {
        const key = own[next++];
        out.set(key, await this.lookupShared(workspaceId, key, !fresh));
      }
    };
    await Promise.all([
      ...Array.from({ length: Math.min(CONCURRENCY, own.length) }, worker),
      ...shared.map(async (key) => {
        out.set(key, await this.lookupShared(workspaceId, key, true));
      }),
    ]);
    return out;
  }

  forget(workspaceId: string, keys: string[]): void {
    for (const key of keys) {
      this.cache.delete(`${workspaceId}|${key}`);
      // An answer on its way may predate what made the caller forget: it is not remembered.
      this.pending.delete(`${workspaceId}|${key}`);
    }
  }

  private remember(cacheKey: string, contactId: string | null): void {
    if (this.config.CONTACT_CACHE_TTL_MS === 0) return;
    this.cache.delete(cacheKey);
    this.cache.set(cacheKey, { contactId, until: Date.now() + this.config.CONTACT_CACHE_TTL_MS });
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
  }

  /** Looks a key up (joining a lookup on its way when `share`), and remembers the answer. */
  private lookupShared(workspaceId: string, key: string, share: boolean): Promise<string | null> {
    const cacheKey = `${workspaceId}|${key}`;
    const running = share ? this.pending.get(cacheKey) : undefined;
    if (running) return running;
    const p: Promise<string | null> = this.lookup(workspaceId, key).then((contactId) => {
      if (!share || this.pending.get(cacheKey) === p) this.remember(cacheKey, contactId);
      return contactId;
    });
    if (share) {
      this.pending.set(cacheKey, p);
      const done = () => {
        if (this.pending.get(cacheKey) === p) this.pending.delete(cacheKey);
      };
      p.then(done, done);
    }
    return p;
  }

  private async lookup(workspaceId: string, key: string): Promise<string | null> {
    const ctx = serviceContext(workspaceId);
    if (key.startsWith('id:')) {
      let id = key.slice(3);
      for (let hop = 0; hop < MERGE_HOPS; hop++) {
        try {
          const contact = await this.rpc.call(RPC.contacts.get, ctx, { id });
          if (!contact.mergedInto) return contact.id;
          id = contact.mergedInto;
        } catch (err) {
          // Not there (yet, or in another workspace): such events are parked.
          if (AppError.from(err).code === 'not_found') return null;
          throw err;
        }
      }
      return id;
    }
    const [, type, ...rest] = key.split(':');
    const { contactId } = await this.rpc.call(RPC.contacts.findByChannel, ctx, {
      type: type as ChannelType,
      value: rest.join(':'),
    });
    return contactId;
  }
}
