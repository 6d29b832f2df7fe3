import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  Contact,
  type ContactProjection,
  type EventEnvelope,
  type RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { projectionFromContact, toContactProjection } from './projection.mapper';
import { ProjectionRepository } from './projection.repository';

const WithContact = z.object({ contact: Contact });

@Injectable()
export class ProjectionService {
  constructor(private readonly projections: ProjectionRepository) {}

  /** Applies a contact event to the projection; stale or repeated events change nothing. */
  async apply(event: EventEnvelope): Promise<boolean> {
    // Every contact event carries the contact as stored after the change; the projection keeps
    // the newest version (aggregate version gate), so order and repeats do not matter.
    const parsed = WithContact.safeParse(event.data);
    if (!event.type.startsWith('contact.') || !parsed.success) return false;
    return this.projections.upsertIfNewer(projectionFromContact(parsed.data.contact));
  }

  async get(ctx: RequestContext, contactId: string): Promise<ContactProjection> {
    const doc = await this.projections.find(ctx.workspaceId, contactId);
    if (!doc) throw AppError.notFound('contact projection', contactId);
    return toContactProjection(doc);
  }
}
