import { Injectable } from '@nestjs/common';
import {
  ContactCreatedV1,
  type ContactProjection,
  type EventEnvelope,
  type RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { projectionFromContact, toContactProjection } from './projection.mapper';
import { ProjectionRepository } from './projection.repository';

@Injectable()
export class ProjectionService {
  constructor(private readonly projections: ProjectionRepository) {}

  /** Applies a contact event to the projection; stale or repeated events change nothing. */
  async apply(event: EventEnvelope): Promise<boolean> {
    switch (event.type) {
      case 'contact.created': {
        const { contact } = ContactCreatedV1.parse(event.data);
        return this.projections.upsertIfNewer(projectionFromContact(contact));
      }
      default:
        return false;
    }
  }

  async get(ctx: RequestContext, contactId: string): Promise<ContactProjection> {
    const doc = await this.projections.find(ctx.workspaceId, contactId);
    if (!doc) throw AppError.notFound('contact projection', contactId);
    return toContactProjection(doc);
  }
}
