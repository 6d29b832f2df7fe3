import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { pageOf } from '../common/pagination';

/**
 * An outside system meeting the platform on NATS, confined to one workspace. `campaign`:
 * subscribe `crm.<ws>.>` and one durable consumer (named as the integration) on CRM_EVENTS;
 * `messaging`: that plus publishing `messaging.<ws>.>`.
 */
export const IntegrationKind = z.enum(['campaign', 'messaging']);
export type IntegrationKind = z.infer<typeof IntegrationKind>;

export const CreateIntegrationInput = z
  .object({ name: z.string().trim().min(1).max(100), kind: IntegrationKind })
  .strict();
export type CreateIntegrationInput = z.infer<typeof CreateIntegrationInput>;

/** What an integration needs besides its credentials: where to connect and what it may touch. */
export const IntegrationConnection = z.object({
  natsUrl: z.string(),
  /** The inbox prefix the client must use (`inboxPrefix` option): requests answer only there. */
  inboxPrefix: z.string(),
  /** The JetStream stream of the workspace's events (CRM_EVENTS, with the deployment prefix). */
  eventsStream: z.string(),
  /** The one durable consumer this integration may create and consume: its id. */
  durableName: z.string(),
  /** Subjects it may subscribe to (`crm.<ws>.>`). */
  subscribe: z.string(),
  /** Subjects it may publish to (`messaging.<ws>.>`), messaging integrations only. */
  publish: z.string().nullable(),
});
export type IntegrationConnection = z.infer<typeof IntegrationConnection>;

/** `GET /v1/integrations` item: never the credentials. */
export const Integration = IntegrationConnection.extend({
  id: Id,
  name: z.string(),
  kind: IntegrationKind,
  workspaceId: Id,
  /** The NATS user (an nkey public key) the credentials authenticate as. */
  userPublicKey: z.string(),
  createdBy: z.string(),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
});
export type Integration = z.infer<typeof Integration>;

/** `POST /v1/integrations`: `creds` (a standard NATS credentials file) is shown here once. */
export const IntegrationCreated = Integration.extend({ creds: z.string() });
export type IntegrationCreated = z.infer<typeof IntegrationCreated>;

export const IntegrationList = pageOf(Integration);
