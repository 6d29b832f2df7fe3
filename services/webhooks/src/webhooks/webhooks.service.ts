import { Inject, Injectable } from '@nestjs/common';
import {
  type CreateWebhookInput,
  type EventEnvelope,
  type Page,
  type PageQuery,
  type RequestContext,
  type RotateWebhookSecretInput,
  type UpdateWebhookInput,
  type Webhook,
  type WebhookWithSecret,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { CONFIG } from '@switchboard/runtime';
import type { WebhooksConfig } from '../config';
import { newSecret } from '../deliveries/signing';
import { WebhookSender } from '../deliveries/webhook-sender';
import { SecretBox } from '../secrets/secret-box';
import { liveSecrets, toWebhook } from './webhook.mapper';
import type { WebhookDoc } from './webhook.schema';
import { WebhooksRepository } from './webhooks.repository';

const MAX_ATTEMPTS = 10;
export type Change = { next: WebhookDoc; events: EventEnvelope[] } | null;

/** Endpoints: create, read, change, rotate their secret. Every read and write names the workspace. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repo: WebhooksRepository,
    private readonly sender: WebhookSender,
    private readonly box: SecretBox,
    @Inject(CONFIG) private readonly config: WebhooksConfig,
  ) {}

  async create(ctx: RequestContext, input: CreateWebhookInput): Promise<WebhookWithSecret> {
    await this.checkUrl(input.url);
    const now = new Date();
    const secret = newSecret();
    const doc: WebhookDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      url: input.url,
      events: [...new Set(input.events)],
      segmentIds: input.segmentIds ?? null,
      enabled: input.enabled ?? true,
      orderedByContact: input.orderedByContact ?? false,
      description: input.description ?? null,
      disabledReason: null,
      failingSince: null,
      secret: this.box.seal(secret),
      secretKid: this.box.activeKid,
      previousSecret: null,
      previousSecretExpiresAt: null,
      deleted: false,
      createdBy: { type: ctx.actor.type, id: ctx.actor.id },
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.repo.insert(doc);
    return { ...toWebhook(doc), secret };
  }

  async get(ctx: RequestContext, id: string): Promise<Webhook> {
    return toWebhook(await this.load(ctx.workspaceId, id));
  }

  async list(ctx: RequestContext, q: PageQuery): Promise<Page<Webhook>> {
    const page = await this.repo.page(ctx.workspaceId, q.limit, q.cursor);
    return { items: page.items.map((d) => toWebhook(d)), nextCursor: page.nextCursor };
  }

  async update(ctx: RequestContext, id: string, patch: UpdateWebhookInput): Promise<Webhook> {
    if (patch.url !== undefined) await this.checkUrl(patch.url);
    const doc = await this.mutate(ctx.workspaceId, id, (w) => {
      const next: WebhookDoc = { ...w, version: w.version + 1, updatedAt: new Date() };
      if (patch.url !== undefined) next.url = patch.url;
      if (patch.events !== undefined) next.events = [...new Set(patch.events)];
      if (patch.segmentIds !== undefined) next.segmentIds = patch.segmentIds;
      if (patch.orderedByContact !== undefined) next.orderedByContact = patch.orderedByContact;
      if (patch.description !== undefined) next.description = patch.description;
      if (patch.enabled !== undefined) {
        next.enabled = patch.enabled;
        // Switched on again by hand: a fresh start, the failure record goes.
        if (patch.enabled && !w.enabled)
          Object.assign(next, { disabledReason: null, failingSince: null });
        if (!patch.enabled) next.disabledReason = null;
      }
      return { next, events: [] };
    });
    return toWebhook(doc);
  }

  async delete(ctx: RequestContext, id: string): Promise<{ id: string }> {
    await this.mutate(ctx.workspaceId, id, (w) => ({
      next: { ...w, deleted: true, enabled: false, version: w.version + 1, updatedAt: new Date() },
      events: [],
    }));
    return { id };
  }

  /** A new secret; the old one keeps signing (beside it) for the overlap. */
  async rotateSecret(
    ctx: RequestContext,
    id: string,
    options: RotateWebhookSecretInput,
  ): Promise<WebhookWithSecret> {
    const overlapS = options.overlapSeconds ?? this.config.WEBHOOK_SECRET_OVERLAP_S;
    const secret = newSecret();
    const doc = await this.mutate(ctx.workspaceId, id, (w) => {
      const now = new Date();
      return {
        next: {
          ...w,
          secret: this.box.seal(secret),
          secretKid: this.box.activeKid,
          // Sealed again under the current key, so both secrets carry `secretKid`'s key.
          previousSecret: overlapS > 0 ? this.box.seal(this.box.reveal(w.secret)) : null,
          previousSecretExpiresAt: overlapS > 0 ? new Date(now.getTime() + overlapS * 1000) : null,
          version: w.version + 1,
          updatedAt: now,
        },
        events: [],
      };
    });
    return { ...toWebhook(doc), secret };
  }

  /** The secrets that sign a delivery now, opened: the current one, and the previous during its overlap. */
  liveSecrets(doc: WebhookDoc, now = new Date()): string[] {
    return liveSecrets(doc, now).map((s) => this.box.reveal(s));
  }

  /**
   * Seals again under the current key every secret another key sealed (or none: stored before
   * sealing existed). Runs at boot; once done, keys no longer first in the set may be removed.
   */
  async reseal(): Promise<number> {
    let count = 0;
    for await (const { _id, workspaceId } of this.repo.sealedOtherwise(this.box.activeKid)) {
      const resealed = await this.mutate(workspaceId, _id, (w) =>
        w.secretKid === this.box.activeKid
          ? null
          : {
              next: {
                ...w,
                secret: this.box.seal(this.box.reveal(w.secret)),
                secretKid: this.box.activeKid,
                previousSecret: w.previousSecret
                  ? this.box.seal(this.box.reveal(w.previousSecret))
                  : null,
                version: w.version + 1,
                updatedAt: new Date(),
              },
              events: [],
            },
      ).then(
        () => true,
        (err: unknown) => {
          // Deleted meanwhile (or before: deleted endpoints are not loaded, they sign nothing).
          if (AppError.from(err).code !== 'not_found') throw err;
          return false;
        },
      );
      if (resealed) count++;
    }
    return count;
  }

  async load(workspaceId: string, id: string): Promise<WebhookDoc> {
    const doc = await this.repo.findById(workspaceId, id);
    if (!doc) throw AppError.notFound('webhook', id);
    return doc;
  }

  /** Read, change, write with a version check; again when another write came first. */
  async mutate(
    workspaceId: string,
    id: string,
    change: (w: WebhookDoc) => Change,
  ): Promise<WebhookDoc> {
    for (let attempt = 1; ; attempt++) {
      const w = await this.load(workspaceId, id);
      const result = change(w);
      if (!result) return w;
      if (await this.repo.replace(result.next, w.version, result.events)) return result.next;
      if (attempt >= MAX_ATTEMPTS) {
        throw new AppError('version_conflict', `webhook ${id} keeps changing; try again`);
      }
    }
  }

  private async checkUrl(url: string): Promise<void> {
    const why = await this.sender.refusal(url);
    if (why) {
      throw AppError.validation(`webhook URL refused: ${why}`, [
        { path: 'url', message: why, code: 'address_refused' },
      ]);
    }
  }
}
