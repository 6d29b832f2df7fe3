import { Injectable } from '@nestjs/common';
import type { CustomFieldType, EventEnvelope } from '@switchboard/contracts';
import {
  carriedSlugs,
  completeContactEvent,
  type FieldTypeMap,
} from '../contacts/contact-event-payloads';
import { CustomFieldsRepository } from './custom-fields.repository';

/** Workspaces whose contact field types are remembered (least recently loaded forgotten first). */
const MAX_WORKSPACES = 10_000;
const NONE: FieldTypeMap = new Map();

/**
 * The types of a workspace's contact custom fields, for the payloads of contact events and
 * snapshot pages. A field's slug and type never change and a slug is never reused (decision
 * 0033), so a remembered type is never stale: only a slug not seen yet reads the definitions.
 */
@Injectable()
export class CustomFieldTypesService {
  private readonly cache = new Map<string, Map<string, CustomFieldType>>();

  constructor(private readonly fields: CustomFieldsRepository) {}

  async forSlugs(workspaceId: string, slugs: readonly string[]): Promise<FieldTypeMap> {
    if (slugs.length === 0) return NONE;
    const known = this.cache.get(workspaceId);
    if (known && slugs.every((s) => known.has(s))) return known;
    const types = new Map(
      (await this.fields.list(workspaceId, 'contact')).map((d) => [d.slug, d.type] as const),
    );
    this.cache.delete(workspaceId);
    this.cache.set(workspaceId, types);
    if (this.cache.size > MAX_WORKSPACES) this.cache.delete(this.cache.keys().next().value!);
    return types;
  }

  /** Contact events completed with their custom-field types (and bounded contact snapshots). */
  async complete(workspaceId: string, events: EventEnvelope[]): Promise<EventEnvelope[]> {
    const types = await this.forSlugs(workspaceId, carriedSlugs(events));
    return events.map((e) => completeContactEvent(e, types));
  }
}
