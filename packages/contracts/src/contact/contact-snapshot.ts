import { z } from 'zod';
import { Id } from '../common/primitives';
import { CustomFieldSlug, CustomFieldType } from '../settings/custom-field';
import { Contact } from './contact';

/**
 * The declared type of each custom field a contact holds a value for (`customFields.<slug>`), so
 * a consumer reads `date` values as dates and tells them from text without asking the contacts
 * service. Field types never change (decision 0033), so the map never goes stale.
 */
export const CustomFieldTypes = z.record(CustomFieldSlug, CustomFieldType);
export type CustomFieldTypes = z.infer<typeof CustomFieldTypes>;

/** A contact as a read model rebuilds it: the record as stored and its custom-field types. */
export const ContactSnapshot = z.object({ contact: Contact, customFieldTypes: CustomFieldTypes });
export type ContactSnapshot = z.infer<typeof ContactSnapshot>;

/** Contacts per snapshot page at most (the page also ends early by size, decision 0071). */
export const SNAPSHOT_PAGE_MAX = 500;

/**
 * `rpc.contacts.snapshots.page`: every contact of the caller's workspace (archived and merged
 * ones too), in id order, for read models that rebuild without the event stream (decision 0085).
 */
export const ContactSnapshotPageInput = z
  .object({
    limit: z.number().int().min(1).max(SNAPSHOT_PAGE_MAX).default(200),
    cursor: Id.optional(),
  })
  .strict();
export type ContactSnapshotPageInput = z.input<typeof ContactSnapshotPageInput>;
export const ContactSnapshotPage = z.object({
  items: z.array(ContactSnapshot),
  nextCursor: z.string().nullable(),
});
export type ContactSnapshotPage = z.infer<typeof ContactSnapshotPage>;

/** Workspace ids per page of `rpc.contacts.snapshots.workspaces`. */
export const SNAPSHOT_WORKSPACES_PAGE = 100;

/**
 * `rpc.contacts.snapshots.workspaces`: the workspaces holding contacts, in id order, after
 * `cursor`. Answered to services only (the one cross-workspace read of the contacts service): a
 * read model rebuilt from nothing learns which workspaces to page.
 */
export const SnapshotWorkspacesInput = z.object({ cursor: Id.optional() }).strict();
export type SnapshotWorkspacesInput = z.input<typeof SnapshotWorkspacesInput>;
export const SnapshotWorkspacesPage = z.object({
  items: z.array(Id),
  nextCursor: z.string().nullable(),
});
export type SnapshotWorkspacesPage = z.infer<typeof SnapshotWorkspacesPage>;

export const CONTACT_SNAPSHOTS_RPC = {
  snapshots: {
    subject: 'rpc.contacts.snapshots.page',
    input: ContactSnapshotPageInput,
    output: ContactSnapshotPage,
  },
  snapshotWorkspaces: {
    subject: 'rpc.contacts.snapshots.workspaces',
    input: SnapshotWorkspacesInput,
    output: SnapshotWorkspacesPage,
  },
} as const;
