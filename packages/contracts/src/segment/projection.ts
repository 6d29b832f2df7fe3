import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';

/**
 * The segments service's read model of one contact (`rpc.segments.projection.get`): the profile
 * that segment filters are evaluated against — attributes from contact events, behavioural
 * counters from `activity.recorded`, fit totals from `contact.scored`, the segments it is in.
 * `version` is the contact's aggregate version the attributes come from (0: only counters or
 * scores known yet); `rev` moves on every write of the profile.
 */
export const ContactProjection = z.object({
  contactId: Id,
  workspaceId: Id,
  version: z.number().int(),
  rev: z.number().int(),
  /** `active` or `archived`; null while no contact event has been seen. */
  status: z.string().nullable(),
  /** The survivor, when the contact was merged into another. */
  mergedInto: z.string().nullable(),
  displayName: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** Primary email and phone. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  stage: z.string().nullable(),
  source: z.string().nullable(),
  locale: z.string().nullable(),
  timeZone: z.string().nullable(),
  country: z.string().nullable(),
  ownerId: z.string().nullable(),
  /** The first company link. */
  companyId: z.string().nullable(),
  birthMonth: z.number().int().nullable(),
  birthDay: z.number().int().nullable(),
  /** Month × 100 + day (`1224`), what `birthday` filters compare. */
  birthday: z.number().int().nullable(),
  createdAt: Timestamp.nullable(),
  updatedAt: Timestamp.nullable(),
  lastTouchAt: Timestamp.nullable(),
  tags: z.array(z.string()),
  /** Custom values in their field's type; dates as ISO timestamps. */
  custom: z.record(z.unknown()),
  channels: z.array(
    z.object({
      type: z.string(),
      value: z.string(),
      primary: z.boolean(),
      subscribed: z.boolean(),
      suppressed: z.boolean(),
      /** `unknown` until consent is recorded. */
      consent: z.enum(['unknown', 'opted_in', 'opted_out']).optional(),
    }),
  ),
  /** Fit totals by product slug. */
  fit: z.record(z.number()),
  /** Daily counters by activity key (`email:opened`) and UTC day (`2026-11-23`). */
  activity: z.record(z.record(z.number().int())),
  /** Ids of the segments the contact is a member of. */
  segments: z.array(z.string()),
});
export type ContactProjection = z.infer<typeof ContactProjection>;
