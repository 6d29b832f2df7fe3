export { Switchboard, idempotencyKey } from './client';
export type { Session, SwitchboardOptions } from './client';
export type { Credentials, Tokens } from './credentials';
export { unwrap, paginate, collect } from './answer';
export type { Answer, PageOf } from './answer';
export {
  SwitchboardError,
  ValidationError,
  UnauthenticatedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  PayloadTooLargeError,
  RateLimitedError,
  ServerError,
  problemError,
} from './problem';
export type { Problem, ErrorCode } from './problem';
export {
  verifyWebhook,
  signWebhook,
  WebhookVerificationError,
  WEBHOOK_TOLERANCE_S,
} from './webhooks';
export type { HeadersLike } from './webhooks';
export type { SwitchboardEvent, EventEnvelope, EventType, EventData } from './events';
export type { paths, components, operations } from './openapi';

/** A schema of the API by name: `Schema<'Contact'>`. */
export type Schema<N extends keyof import('./openapi').components['schemas']> =
  import('./openapi').components['schemas'][N];
