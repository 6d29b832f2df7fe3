import { Injectable } from '@nestjs/common';
import {
  SUBJECT_ROOTS,
  type CreateIntegrationInput,
  type Integration,
  type IntegrationCreated,
  type Page,
  type PageQuery,
  type RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId, SubjectNamespace } from '@switchboard/messaging';
import type { IntegrationDoc } from './integration.schema';
import { IntegrationsRepository } from './integrations.repository';
import { NatsAccountsRepository } from './nats-accounts.repository';
import { RevocationSync } from './revocation-sync.service';

@Injectable()
export class IntegrationsService {
  private readonly ns: SubjectNamespace;

  constructor(
    private readonly integrations: IntegrationsRepository,
    private readonly accounts: NatsAccountsRepository,
    private readonly sync: RevocationSync,
  ) {
    this.ns = new SubjectNamespace(accounts.prefix);
  }

  private view(doc: IntegrationDoc): Integration {
    const prefix = this.ns.prefix;
    return {
      id: doc._id,
      name: doc.name,
      kind: doc.kind,
      workspaceId: doc.workspaceId,
      userPublicKey: doc.userPublicKey,
      natsUrl: this.accounts.publicUrl,
      inboxPrefix: this.accounts.inboxPrefixOf(doc._id),
      eventsStream: this.ns.stream('events').name,
      durableName: doc._id,
      subscribe: `${prefix}${SUBJECT_ROOTS.events}.${doc.workspaceId}.>`,
      publish:
        doc.kind === 'messaging'
          ? `${prefix}${SUBJECT_ROOTS.messaging}.${doc.workspaceId}.>`
          : null,
      createdBy: doc.createdBy,
      createdAt: doc.createdAt.toISOString(),
      revokedAt: doc.revokedAt?.toISOString() ?? null,
    };
  }

  async create(ctx: RequestContext, input: CreateIntegrationInput): Promise<IntegrationCreated> {
    const id = newId();
    const { creds, userPublicKey } = await this.accounts.issue({
      integrationId: id,
      workspaceId: ctx.workspaceId,
      kind: input.kind,
    });
    const now = new Date();
    const doc: IntegrationDoc = {
      _id: id,
      workspaceId: ctx.workspaceId,
      name: input.name,
      kind: input.kind,
      userPublicKey,
      createdBy: ctx.actor.id,
      createdAt: now,
      revokedAt: null,
      revokedBy: null,
    };
    const created = buildEvent('integration.created', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      requestId: ctx.requestId,
      aggregateId: id,
      aggregateVersion: 1,
      occurredAt: now,
      data: {
        integrationId: id,
        name: doc.name,
        kind: doc.kind,
        userPublicKey,
        createdBy: doc.createdBy,
      },
    });
    await this.integrations.insert(doc, [created]);
    return { ...this.view(doc), creds };
  }

  async list(ctx: RequestContext, query: PageQuery): Promise<Page<Integration>> {
    const page = await this.integrations.list(ctx.workspaceId, query.limit, query.cursor);
    return { items: page.items.map((d) => this.view(d)), nextCursor: page.nextCursor };
  }

  /**
   * Records the revocation (the truth), then pushes the account's revocation list to NATS, which
   * refuses the credentials and closes their connections. A lost push is healed by the periodic
   * sync; revoking twice answers the same.
   */
  async revoke(ctx: RequestContext, id: string): Promise<void> {
    const doc = await this.integrations.find(ctx.workspaceId, id);
    if (!doc) throw AppError.notFound('integration', id);
    if (!doc.revokedAt) {
      const now = new Date();
      const revoked = buildEvent('integration.revoked', {
        workspaceId: ctx.workspaceId,
        actor: ctx.actor,
        aggregateId: id,
        aggregateVersion: 2,
        occurredAt: now,
        data: {
          integrationId: id,
          name: doc.name,
          kind: doc.kind,
          userPublicKey: doc.userPublicKey,
          revokedBy: ctx.actor.id,
        },
      });
      await this.integrations.markRevoked(ctx.workspaceId, id, ctx.actor.id, now, [revoked]);
    }
    await this.sync.pushNow();
  }

  /**
   * Offboarding (decision 0135): a departing member's live integrations are revoked (each with
   * its `integration.revoked`) or handed to `to`. Returns how many.
   */
  async offboard(
    ctx: RequestContext,
    userId: string,
    outcome: 'revoke' | 'transfer',
    to: string | null,
  ): Promise<number> {
    if (outcome === 'transfer' && to)
      return this.integrations.transferCreatedBy(ctx.workspaceId, userId, to);
    const ids = await this.integrations.liveCreatedBy(ctx.workspaceId, userId);
    for (const id of ids) await this.revoke(ctx, id);
    return ids.length;
  }
}
