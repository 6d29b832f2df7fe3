import { z } from 'zod';
import { ErrorCode } from '../errors/error-codes';

/** RFC 9457 problem details, as every HTTP error is answered. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: ErrorCode,
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;
