import type { z } from 'zod';
import { ACTIVITY_RPC } from '../activity/activity.rpc';
import { CONTACTS_RPC } from '../contact/contact.rpc';
import { DEALS_RPC } from '../deal/deal.rpc';
import { SEGMENTS_RPC } from '../segment/segment.rpc';
import { TASKS_RPC } from '../task/task.rpc';
import { WEBHOOKS_RPC } from '../webhook/webhook.rpc';

/**
 * Request/reply operations between the gateway and the services, one catalogue per bounded
 * context. The subject of an operation is `rpc.<service>.<operation>`; every request carries
 * `{ ctx: RequestContext, input }`.
 */
export const RPC = {
  contacts: CONTACTS_RPC,
  segments: SEGMENTS_RPC,
  activity: ACTIVITY_RPC,
  deals: DEALS_RPC,
  tasks: TASKS_RPC,
  webhooks: WEBHOOKS_RPC,
} as const;

export interface RpcOperation<
  I extends z.ZodTypeAny = z.ZodTypeAny,
  O extends z.ZodTypeAny = z.ZodTypeAny,
> {
  subject: string;
  input: I;
  output: O;
}
export type RpcInput<Op extends RpcOperation> = z.input<Op['input']>;
export type RpcOutput<Op extends RpcOperation> = z.infer<Op['output']>;

/** Queue group per service, so replicas share requests. */
export const rpcQueue = (service: string) => `svc.${service}`;
