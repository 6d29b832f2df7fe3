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
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const key = todo[next++];
        const contactId = await this.lookup(workspaceId, key);
        out.set(key, contactId);
        this.remember(`${workspaceId}|${key}`, contactId);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, worker));
    return out;
  }

  forget(workspaceId: string, keys: string[]): void {
    for (const key of keys) this.cache.delete(`${workspaceId}|${key}`);
  }

  private remember(cacheKey: string, contactId: string | null): void {
    if (this.config.CONTACT_CACHE_TTL_MS === 0) return;
    this.cache.delete(cacheKey);
    this.cache.set(cacheKey, { contactId, until: Date.now() + this.config.CONTACT_CACHE_TTL_MS });
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
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
