import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';

/** The segments service's read model of one contact (attributes that filters need). */
export const ContactProjection = z.object({
  contactId: Id,
  workspaceId: Id,
  version: z.number().int(),
  status: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  stage: z.string().nullable(),
  ownerId: z.string().nullable(),
  tags: z.array(z.string()),
  updatedAt: Timestamp,
});
export type ContactProjection = z.infer<typeof ContactProjection>;
