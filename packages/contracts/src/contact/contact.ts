import { z } from 'zod';
import { Actor } from '../context/request-context';
import { boundedJson, checkJson } from '../common/bounded-json';
import { LIMITS } from '../common/limits';
import { Id, Timestamp } from '../common/primitives';
import { Channel, ChannelInput } from './channel';

export const Address = z
  .object({
    line1: z.string().max(200).optional(),
    line2: z.string().max(200).optional(),
    city: z.string().max(120).optional(),
    state: z.string().max(120).optional(),
    postalCode: z.string().max(32).optional(),
    country: z.string().max(120).optional(),
  })
  .strict();
export type Address = z.infer<typeof Address>;

export const CompanyLink = z
  .object({
    companyId: Id,
    title: z.string().max(200).optional(),
    workEmail: z.string().email().max(320).optional(),
  })
  .strict();
export type CompanyLink = z.infer<typeof CompanyLink>;

const Tag = z.string().trim().min(1).max(100);
/** Custom-field values by slug; values are checked against the workspace's definitions. */
const CustomFieldValues = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
    z.union([
      z.string().max(2000),
      z.number(),
      z.boolean(),
      z.array(z.string().max(200)).max(100),
      z.null(),
    ]),
  )
  .superRefine(checkJson({ maxBytes: LIMITS.customFieldsBytes, maxDepth: 2 }));
/**
 * Free metadata: plain JSON, bounded in bytes and depth, no `$`-prefixed or dotted keys and no
 * array directly in an array at any level (they are not storable portably).
 */
const Metadata = boundedJson(LIMITS.metadata);

const ContactFields = z
  .object({
    firstName: z.string().trim().max(100).optional(),
    lastName: z.string().trim().max(100).optional(),
    displayName: z.string().trim().max(200).optional(),
    channels: z.array(ChannelInput).max(50).optional(),
    companyLinks: z.array(CompanyLink).max(50).optional(),
    address: Address.optional(),
    locale: z.string().max(35).optional(),
    timeZone: z.string().max(64).optional(),
    birthMonth: z.number().int().min(1).max(12).optional(),
    birthDay: z.number().int().min(1).max(31).optional(),
    source: z.string().trim().max(100).optional(),
    leadSource: z.string().trim().max(100).optional(),
    stage: z.string().trim().max(64).optional(),
    ownerId: Id.optional(),
    tags: z.array(Tag).max(200).optional(),
    customFields: CustomFieldValues.optional(),
    metadata: Metadata.optional(),
    leadId: Id.optional(),
    linkedUserId: Id.optional(),
  })
  .strict();

/** `POST /v1/contacts`. A contact needs a name or at least one channel. */
export const CreateContactInput = ContactFields.refine(
  (c) =>
    Boolean(c.firstName || c.lastName || c.displayName || (c.channels && c.channels.length > 0)),
  { message: 'a contact needs a name or at least one channel', path: ['displayName'] },
).refine((c) => (c.birthMonth === undefined) === (c.birthDay === undefined), {
  message: 'birthMonth and birthDay go together',
  path: ['birthDay'],
});
export type CreateContactInput = z.infer<typeof CreateContactInput>;

/** Every field of a create body made clearable: absent = unchanged, `null` = clear. */
const clearable = <S extends z.ZodRawShape>(shape: S) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.nullable().optional()])) as {
    [K in keyof S]: z.ZodOptional<z.ZodNullable<S[K]>>;
  };

/**
 * `PATCH /v1/contacts/:id`: partial; absent = unchanged, `null` = clear. `version` (or the
 * `If-Match` header) makes the write conditional: a stale one gets 409 `version_conflict`.
 * The result must still satisfy the create rules (a name or a channel; birthday as a pair).
 */
export const UpdateContactInput = z
  .object({
    ...clearable(ContactFields.shape),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type UpdateContactInput = z.infer<typeof UpdateContactInput>;

export const ContactStatus = z.enum(['active', 'archived']);
export type ContactStatus = z.infer<typeof ContactStatus>;

/** One journey-stage transition (`from` is null for the first stage). */
export const StageTransition = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  at: Timestamp,
  actor: Actor,
});
export type StageTransition = z.infer<typeof StageTransition>;

/** One archive / restore, kept so the record's history survives a round trip. */
export const StatusTransition = z.object({
  status: ContactStatus,
  at: Timestamp,
  actor: Actor,
  /** Why it was archived: `deleted` (DELETE), `merged` (folded into `mergedInto`), `bulk`. */
  reason: z.string().optional(),
});
export type StatusTransition = z.infer<typeof StatusTransition>;

export const Contact = z.object({
  id: Id,
  workspaceId: Id,
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  displayName: z.string(),
  channels: z.array(Channel),
  companyLinks: z.array(CompanyLink),
  address: Address.optional(),
  locale: z.string().optional(),
  timeZone: z.string().optional(),
  birthMonth: z.number().optional(),
  birthDay: z.number().optional(),
  source: z.string().optional(),
  leadSource: z.string().optional(),
  stage: z.string().optional(),
  stageHistory: z.array(StageTransition),
  ownerId: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.unknown()),
  metadata: z.record(z.unknown()),
  leadId: z.string().optional(),
  linkedUserId: z.string().optional(),
  status: ContactStatus,
  statusHistory: z.array(StatusTransition),
  /** Set when the contact was archived by a merge: the survivor that absorbed it. */
  mergedInto: z.string().nullable(),
  /** Latest activity on the contact (from activity events; eventually consistent). */
  lastTouchAt: Timestamp.nullable(),
  /** Segments the contact is a member of (from segment events; eventually consistent). */
  segmentIds: z.array(z.string()),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;

export const ContactIdParams = z.object({ id: Id }).strict();
