import { Injectable } from '@nestjs/common';
import type {
  ApiKey,
  ApiKeyCreated,
  CreateApiKeyInput,
  RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import { CredentialsService } from '../access/credentials.service';
import { GrantsService } from '../access/grants.service';
import { Revocations } from '../access/revocations';
import type { ApiKeyDoc } from '../identity/api-key.schema';
import { ApiKeysRepository } from '../identity/api-keys.repository';
import { newApiKey } from './api-key-format';

const view = (doc: ApiKeyDoc): ApiKey => ({
  id: doc._id,
  name: doc.name,
  role: doc.role,
  prefix: `sbk_${doc.prefix}`,
  createdAt: doc.createdAt.toISOString(),
  lastUsedAt: doc.lastUsedAt ? new Date(doc.lastUsedAt).toISOString() : null,
  revokedAt: doc.revokedAt ? new Date(doc.revokedAt).toISOString() : null,
});

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly grants: GrantsService,
    private readonly revocations: Revocations,
    private readonly credentials: CredentialsService,
  ) {}

  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<ApiKeyCreated> {
    await this.grants.assertMayGrant(ctx, input.role);
    const fresh = newApiKey();
    const doc: ApiKeyDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      name: input.name,
      role: input.role,
      prefix: fresh.prefix,
      secretHash: fresh.secretHash,
      createdBy: ctx.actor.id,
      ownerUserId: await this.ownerFor(ctx),
      createdAt: new Date(),
      lastUsedAt: null,
      revokedAt: null,
    };
    const created = buildEvent('api_key.created', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      requestId: ctx.requestId,
      aggregateId: doc._id,
      aggregateVersion: 1,
      occurredAt: doc.createdAt,
      data: { apiKeyId: doc._id, name: doc.name, role: doc.role, ownerUserId: doc.ownerUserId! },
    });
    await this.keys.insert(doc, [created]);
    return { ...view(doc), key: fresh.key };
  }

  /** Members leaving: their keys stop at once (authentication checks the member too). */
  async revokeOwnedBy(ctx: RequestContext, userId: string): Promise<number> {
    const now = new Date();
    const revoked = await this.keys.revokeOwnedBy(ctx.workspaceId, userId, now, (doc) => [
      revokedEvent(ctx, doc, now, 'offboarding'),
    ]);
    for (const doc of revoked) {
      await this.revocations.revokeApiKey(doc._id);
      this.credentials.forgetKey(doc.prefix);
    }
    return revoked.length;
  }

  /** Offboarding: the member's keys act for `to` from the next request on (decision 0135). */
  async transferOwnedBy(workspaceId: string, userId: string, to: string): Promise<number> {
    const moved = await this.keys.transferOwnedBy(workspaceId, userId, to);
    for (const doc of moved) this.credentials.forgetKey(doc.prefix);
    return moved.length;
  }

  /** The member a new key acts for: the caller, or the member behind the calling key. */
  private async ownerFor(ctx: RequestContext): Promise<string> {
    if (ctx.actor.type === 'user') return ctx.actor.id;
    const creator = await this.keys.findById(ctx.workspaceId, ctx.actor.id);
    const owner = creator && (creator.ownerUserId ?? creator.createdBy);
    if (!owner)
      throw new AppError('forbidden', 'only a member or a member’s API key may create keys');
    return owner;
  }

  async list(ctx: RequestContext): Promise<ApiKey[]> {
    return (await this.keys.list(ctx.workspaceId)).map(view);
  }

  /** The row first (the truth), then the marker every replica checks on each request. */
  async revoke(ctx: RequestContext, id: string): Promise<void> {
    const now = new Date();
    const doc = await this.keys.revoke(ctx.workspaceId, id, now, (key) => [
      revokedEvent(ctx, key, now, 'revoked'),
    ]);
    if (!doc) throw AppError.notFound('API key', id);
    await this.revocations.revokeApiKey(doc._id);
    this.credentials.forgetKey(doc.prefix);
  }
}

/** `api_key.revoked`, staged with the revocation (the audit of API keys, decision 0136). */
const revokedEvent = (
  ctx: RequestContext,
  doc: ApiKeyDoc,
  at: Date,
  reason: 'revoked' | 'offboarding',
) =>
  buildEvent('api_key.revoked', {
    workspaceId: ctx.workspaceId,
    actor: ctx.actor,
    requestId: ctx.requestId,
    aggregateId: doc._id,
    aggregateVersion: 2,
    occurredAt: at,
    data: { apiKeyId: doc._id, name: doc.name, reason },
  });
