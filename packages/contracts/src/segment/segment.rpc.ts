import { z } from 'zod';
import { Id } from '../common/primitives';
import { ContactProjection } from './projection';

/** `rpc.segments.*`: served by the segments service. */
export const SEGMENTS_RPC = {
  /** The segments service's read model of one contact (diagnostics, explain). */
  projection: {
    subject: 'rpc.segments.projection.get',
    input: z.object({ contactId: Id }).strict(),
    output: ContactProjection,
  },
} as const;
