import { z } from 'zod';
import { Id } from '../common/primitives';
import { IntegrationKind } from './integration';

/** `crm.<ws>.integration.created` v1: NATS credentials were issued (never the credentials). */
export const IntegrationCreatedV1 = z.object({
  integrationId: Id,
  name: z.string(),
  kind: IntegrationKind,
  userPublicKey: z.string(),
  createdBy: z.string(),
});
export type IntegrationCreatedV1 = z.infer<typeof IntegrationCreatedV1>;

/** `crm.<ws>.integration.revoked` v1: the credentials are refused from now on. */
export const IntegrationRevokedV1 = z.object({
  integrationId: Id,
  name: z.string(),
  kind: IntegrationKind,
  userPublicKey: z.string(),
  revokedBy: z.string(),
});
export type IntegrationRevokedV1 = z.infer<typeof IntegrationRevokedV1>;

/** Integration events of the catalogue, published by the gateway (for the audit trail). */
export const INTEGRATION_EVENTS = {
  'integration.created': { aggregate: 'integration', version: 1, data: IntegrationCreatedV1 },
  'integration.revoked': { aggregate: 'integration', version: 1, data: IntegrationRevokedV1 },
} as const;
