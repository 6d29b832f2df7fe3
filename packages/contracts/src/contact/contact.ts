import { z } from 'zod';
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
const CustomFieldValues = z.record(
  z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  z.union([
    z.string().max(2000),
    z.number(),
    z.boolean(),
    z.array(z.string().max(200)).max(100),
    z.null(),
  ]),
);
/** Free metadata: plain JSON, no `$`-prefixed or dotted keys (they are not storable portably). */
const Metadata = z
  .record(
    z.string().regex(/^[^$.][^.]{0,99}$/, 'keys may not start with $ or contain a dot'),
    z.unknown(),
  )
  .refine((m) => Object.keys(m).length <= 50, 'at most 50 metadata keys');

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

export const ContactStatus = z.enum(['active', 'archived']);

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
  stage: z.string().optional(),
  ownerId: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.unknown()),
  metadata: z.record(z.unknown()),
  leadId: z.string().optional(),
  linkedUserId: z.string().optional(),
  status: ContactStatus,
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;

export const ContactIdParams = z.object({ id: Id }).strict();
