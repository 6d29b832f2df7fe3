import { z } from 'zod';
import { Contact, CreateContactInput } from '../contact/contact';
import { Id } from '../common/primitives';
import { pageOf } from '../common/pagination';
import { TimelineEntry, TimelineQuery } from '../activity/timeline';
import { ContactProjection } from '../segment/projection';

/**
 * Request/reply operations between the gateway and the services. The subject of an operation
 * is `rpc.<service>.<operation>`; every request carries `{ ctx: RequestContext, input }`.
 */
export const RPC = {
  contacts: {
    create: { subject: 'rpc.contacts.create', input: CreateContactInput, output: Contact },
    get: { subject: 'rpc.contacts.get', input: z.object({ id: Id }).strict(), output: Contact },
  },
  segments: {
    /** The segments service's read model of one contact (diagnostics, explain). */
    projection: {
      subject: 'rpc.segments.projection.get',
      input: z.object({ contactId: Id }).strict(),
      output: ContactProjection,
    },
  },
  activity: {
    timeline: {
      subject: 'rpc.activity.timeline',
      input: TimelineQuery.extend({ contactId: Id }),
      output: pageOf(TimelineEntry),
    },
  },
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
