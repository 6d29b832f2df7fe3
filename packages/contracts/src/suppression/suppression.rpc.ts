import { z } from 'zod';
import { pageOf } from '../common/pagination';
import {
  CreateSuppressionInput,
  ListSuppressionsQuery,
  RecordSuppressionInput,
  Suppression,
  SuppressionIdParams,
} from './suppression';

/** `rpc.contacts.suppressions.*`: the workspace suppression list lives beside the contacts. */
export const SUPPRESSIONS_RPC = {
  createSuppression: {
    subject: 'rpc.contacts.suppressions.create',
    input: CreateSuppressionInput,
    output: Suppression,
  },
  /** From messaging ingestion: a bounce, complaint or unsubscribe of an address. */
  recordSuppression: {
    subject: 'rpc.contacts.suppressions.record',
    input: RecordSuppressionInput,
    output: z.object({ id: z.string(), changed: z.boolean() }),
  },
  getSuppression: {
    subject: 'rpc.contacts.suppressions.get',
    input: SuppressionIdParams,
    output: Suppression,
  },
  listSuppressions: {
    subject: 'rpc.contacts.suppressions.list',
    input: ListSuppressionsQuery,
    output: pageOf(Suppression),
  },
  liftSuppression: {
    subject: 'rpc.contacts.suppressions.lift',
    input: SuppressionIdParams,
    output: Suppression,
  },
} as const;
