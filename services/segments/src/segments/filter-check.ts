import { Injectable } from '@nestjs/common';
import { RPC, type RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { RpcClient } from '@switchboard/messaging';
import {
  dependenciesOf,
  findCycle,
  validate,
  type CustomFieldDefinition,
  type Filter,
  type FilterDependencies,
} from '@switchboard/segment-dsl';
import type { SegmentRef } from './segments.repository';

export const NO_DEPENDENCIES: FilterDependencies = {
  segments: [],
  relativeTime: false,
  activity: false,
};

/**
 * Checks a filter a person sent: segment-dsl `validate` against the workspace's custom-field
 * definitions (asked of the contacts service when a filter arrives; retired fields stay
 * filterable), the live segments it may name, and the complexity limits; then the dependency
 * graph of the workspace with this definition in it must have no cycle. Every problem comes back
 * as `validation_failed` with paths under `filter` (`filter.and.1.value`).
 */
@Injectable()
export class FilterCheck {
  constructor(private readonly rpc: RpcClient) {}

  async customFields(ctx: RequestContext): Promise<CustomFieldDefinition[]> {
    const list = await this.rpc.call(RPC.contacts.listCustomFields, ctx, { entity: 'contact' });
    return list.items.map((f) => ({
      slug: f.slug,
      type: f.type,
      options: f.options,
      retired: f.status === 'retired',
    }));
  }

  /**
   * `live`: the workspace's live definitions (the one being edited included, with its current
   * dependencies). `selfId`: the segment being created or edited, when it has an id.
   */
  async check(
    ctx: RequestContext,
    raw: unknown,
    live: SegmentRef[],
    selfId?: string,
  ): Promise<{ filter: Filter; dependsOn: FilterDependencies }> {
    const customFields = await this.customFields(ctx);
    // The segment itself is a known id: naming it is reported below as a cycle of one.
    const segmentIds = live.map((s) => s._id);
    const result = validate(raw, { customFields, segmentIds });
    if (!result.ok) {
      throw AppError.validation(
        'invalid filter',
        result.errors.map((e) => ({
          path: e.path ? `filter.${e.path}` : 'filter',
          message: e.message,
          code: e.code,
        })),
      );
    }
    const dependsOn = dependenciesOf(result.filter);
    if (selfId) {
      const graph = new Map<string, readonly string[]>(
        live.map((s) => [s._id, s.dependsOn?.segments ?? []]),
      );
      graph.set(selfId, dependsOn.segments);
      const cycle = findCycle(graph);
      if (cycle) {
        throw AppError.validation('the filter makes segments depend on each other in a cycle', [
          {
            path: 'filter',
            message: `cycle: ${cycle.join(' → ')}`,
            code: 'segment_cycle',
          },
        ]);
      }
    }
    return { filter: result.filter, dependsOn };
  }
}
