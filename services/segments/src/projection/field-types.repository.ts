import { Injectable } from '@nestjs/common';
import { RPC, type RequestContext } from '@switchboard/contracts';
import { currentRequestId, newId, RpcClient } from '@switchboard/messaging';
import type { FieldTypes } from './profile.mapper';

/** Workspaces remembered at most (least recently fetched forgotten first). */
const MAX_WORKSPACES = 10_000;
/** A workspace's definitions are asked for again at most this often when a slug is unknown. */
const REFETCH_MS = 1_000;

interface Entry {
  types: Map<string, string>;
  fetchedAt: number;
}

/** The context of a call the segments service makes on its own behalf. */
export function serviceContext(workspaceId: string): RequestContext {
  return {
    workspaceId,
    actor: { type: 'service', id: 'segments' },
    role: 'service',
    capabilities: [],
    scope: 'all',
    requestId: currentRequestId() ?? newId(),
  };
}

/**
 * The types of a workspace's contact custom fields, asked of the contacts service
 * (`rpc.contacts.customField.list`) and kept: a field's type and slug never change (decision
 * 33), so a known slug's type is never stale; a slug not known yet (a field defined since) makes
 * the next lookup ask again, at most once per REFETCH_MS per workspace. Retired fields are
 * included: their stored values stay filterable.
 */
@Injectable()
export class FieldTypesRepository {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly rpc: RpcClient) {}

  /** Types for the given slugs; throws (the event is retried) when the contacts service fails. */
  async forSlugs(workspaceId: string, slugs: readonly string[]): Promise<FieldTypes> {
    // No custom values: nothing to type, and no call (the contacts service may be away).
    if (slugs.length === 0) return new Map();
    let entry = this.cache.get(workspaceId);
    const unknown = !entry || slugs.some((s) => !entry!.types.has(s));
    if (unknown && (!entry || Date.now() - entry.fetchedAt >= REFETCH_MS)) {
      entry = await this.fetch(workspaceId);
    }
    return entry?.types ?? new Map();
  }

  private async fetch(workspaceId: string): Promise<Entry> {
    const list = await this.rpc.call(RPC.contacts.listCustomFields, serviceContext(workspaceId), {
      entity: 'contact',
    });
    const entry = {
      types: new Map(list.items.map((f) => [f.slug, f.type] as [string, string])),
      fetchedAt: Date.now(),
    };
    this.cache.delete(workspaceId);
    this.cache.set(workspaceId, entry);
    if (this.cache.size > MAX_WORKSPACES) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
    return entry;
  }
}
