import { Injectable } from '@nestjs/common';
import type {
  Actor,
  ChannelType,
  CreateSuppressionInput,
  ListSuppressionsQuery,
  Page,
  RecordSuppressionInput,
  RequestContext,
  Suppression,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import type { QueryFilter } from 'mongoose';
import { normaliseChannelValue } from '../contacts/contact-normalizer';
import { ContactSuppressionsService } from '../contacts/contact-suppressions.service';
import { addedEvent, liftedEvent } from './suppression-events';
import {
  addressFamily,
  lifted,
  newSuppression,
  withCause,
  type SuppressionCause,
} from './suppression-list';
import { toSuppression } from './suppression.mapper';
import type { SuppressionDoc } from './suppression.schema';
import { SuppressionsRepository } from './suppressions.repository';

/** A cause added: the entry, whether it changed, and the contacts whose channels changed. */
export interface AddOutcome {
  doc: SuppressionDoc;
  changed: boolean;
  contactIds: string[];
}

/** Attempts at listing a new address when another writer lists it at the same time. */
const MAX_ADD_ATTEMPTS = 3;

/** The address as the list (and contacts) store it, in its family; a malformed one is a 400. */
export function listedAddress(
  channelType: ChannelType,
  address: string,
): { channelType: ChannelType; address: string } {
  const family = addressFamily(channelType);
  try {
    return {
      channelType: family,
      address: normaliseChannelValue({ type: family, value: address }, 0),
    };
  } catch (err) {
    const e = AppError.from(err);
    if (e.code !== 'validation_failed') throw err;
    throw AppError.validation(e.message, [{ path: 'address', message: e.message }]);
  }
}

/**
 * The workspace suppression list (decision 0121): addresses suppressed by bounces, complaints,
 * unsubscribes (fed by messaging ingestion) or by hand, kept whether or not a contact holds
 * them, and put on every channel with the address. Every query is scoped by the workspace.
 */
@Injectable()
export class SuppressionsService {
  constructor(
    private readonly repository: SuppressionsRepository,
    private readonly holders: ContactSuppressionsService,
  ) {}

  /** `POST /v1/suppressions`. */
  async create(ctx: RequestContext, input: CreateSuppressionInput): Promise<Suppression> {
    const address = listedAddress(input.channelType, input.address);
    const { doc } = await this.add(ctx.workspaceId, ctx.actor, address, {
      reason: input.reason,
      at: new Date(),
      source: 'api',
      ...(input.note ? { note: input.note } : {}),
    });
    return toSuppression(doc);
  }

  /** A bounce, complaint or unsubscribe from messaging (deduplicated by the event id). */
  async record(ctx: RequestContext, input: RecordSuppressionInput): Promise<AddOutcome> {
    const address = listedAddress(input.channelType, input.address);
    return this.add(ctx.workspaceId, ctx.actor, address, {
      reason: input.reason,
      at: new Date(input.occurredAt),
      source: 'messaging',
      sourceId: input.sourceId,
    });
  }

  async get(ctx: RequestContext, id: string): Promise<Suppression> {
    return toSuppression(await this.load(ctx.workspaceId, id));
  }

  async list(ctx: RequestContext, query: ListSuppressionsQuery): Promise<Page<Suppression>> {
    const filter: QueryFilter<SuppressionDoc> & { workspaceId: string } = {
      workspaceId: ctx.workspaceId,
      status: query.status,
    };
    if (query.channelType) filter.channelType = addressFamily(query.channelType);
    if (query.address) {
      const type = query.channelType ?? (query.address.includes('@') ? 'email' : 'phone');
      const listed = listedAddress(type, query.address);
      filter.channelType = listed.channelType;
      filter.address = listed.address;
    }
    if (query.reason) filter.reasons = query.reason;
    const page = await this.repository.page(filter, query.limit, query.cursor);
    return { items: page.items.map(toSuppression), nextCursor: page.nextCursor };
  }

  /** `DELETE /v1/suppressions/:id`: lifted (history kept), and taken off the channels. */
  async lift(ctx: RequestContext, id: string): Promise<Suppression> {
    await this.load(ctx.workspaceId, id);
    const now = new Date();
    const { doc } = await this.repository.mutate(ctx.workspaceId, id, (current) => {
      const next = lifted(current, now, 'api');
      if (next === current) return null;
      return { next: { ...next, updatedAt: now }, events: (n) => [liftedEvent(ctx.actor, n)] };
    });
    await this.holders.applyToHolders(
      ctx.workspaceId,
      ctx.actor,
      doc.channelType,
      doc.address,
      null,
    );
    return toSuppression(doc);
  }

  /**
   * Lists the address with the cause (a new entry, or the cause added to the existing one), then
   * puts the suppression on the channels that hold it — also when the entry did not change, so
   * a retry completes what a failed attempt left half-done.
   */
  private async add(
    workspaceId: string,
    actor: Actor,
    address: { channelType: ChannelType; address: string },
    cause: SuppressionCause,
  ): Promise<AddOutcome> {
    for (let attempt = 1; ; attempt++) {
      const now = new Date();
      const existing = await this.repository.findByAddress(
        workspaceId,
        address.channelType,
        address.address,
      );
      let outcome: { doc: SuppressionDoc; changed: boolean } | null = null;
      if (existing) {
        outcome = await this.repository.mutate(workspaceId, existing._id, (current) => {
          const next = withCause(current, cause);
          if (next === current) return null;
          return {
            next: { ...next, updatedAt: now },
            events: (n) => [addedEvent(actor, n, cause.reason)],
          };
        });
      } else {
        const doc = newSuppression({ id: newId(), workspaceId, ...address }, cause, now);
        if (await this.repository.insert(doc, [addedEvent(actor, doc, cause.reason)])) {
          outcome = { doc, changed: true };
        }
      }
      if (outcome) {
        const { doc } = outcome;
        const contactIds =
          doc.status === 'active'
            ? await this.holders.applyToHolders(workspaceId, actor, doc.channelType, doc.address, {
                reason: doc.reason,
                at: new Date(doc.suppressedAt).toISOString(),
              })
            : [];
        return { ...outcome, contactIds };
      }
      if (attempt >= MAX_ADD_ATTEMPTS)
        throw new AppError('conflict', 'suppression is being written');
    }
  }

  private async load(workspaceId: string, id: string): Promise<SuppressionDoc> {
    const doc = await this.repository.findById(workspaceId, id);
    if (!doc) throw AppError.notFound('suppression', id);
    return doc;
  }
}
