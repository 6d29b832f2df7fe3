import { z } from 'zod';
import { pageOf, PageQuery } from '../common/pagination';
import { Id } from '../common/primitives';
import { Contact, ContactStatus } from './contact';

/**
 * A comma-separated list in a query string (`tags=a,b`), a repeated key (`tags=a&tags=b`) or,
 * once parsed, the array itself: parsing the output again gives the same output, so the gateway
 * and the service can both validate it.
 */
const TagList = z
  .union([z.string().max(2000), z.array(z.string().max(2000)).max(50)])
  .transform((v) =>
    [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')))]
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(100)).min(1).max(50));

/** `custom.<slug>=value`: one value, or several (a repeated key) meaning any of them. */
export const CustomFieldFilterValue = z.union([
  z.string().max(200),
  z.array(z.string().max(200)).min(1).max(50),
]);
export type CustomFieldFilterValue = z.infer<typeof CustomFieldFilterValue>;

/** Keys of custom-field filters: `custom.` + a custom-field slug. */
export const CUSTOM_FILTER_KEY = /^custom\.[a-z][a-z0-9_]{0,63}$/;

export const CONTACT_SORTS = [
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'lastTouchAt',
  '-lastTouchAt',
  'displayName',
  '-displayName',
] as const;
export const ContactSort = z.enum(CONTACT_SORTS);
export type ContactSort = z.infer<typeof ContactSort>;

const filterShape = {
  /** Free text: every word is a prefix of a name, e-mail or phone (any format) of the contact. */
  q: z.string().trim().min(1).max(200).optional(),
  tags: TagList.optional(),
  /** How `tags` apply: the contact has any of them (default), all of them, or none of them. */
  tagMode: z.enum(['any', 'all', 'none']).default('any'),
  segmentId: Id.optional(),
  /** An owner id, `me` (the caller) or `none` (unowned). */
  ownerId: z.union([Id, z.literal('me'), z.literal('none')]).optional(),
  stage: z.string().trim().min(1).max(64).optional(),
  companyId: Id.optional(),
  status: ContactStatus.default('active'),
};

/**
 * Rejects keys other than the declared ones and `custom.<slug>` (as `.strict()` would), and
 * checks the values of `custom.<slug>` keys. (The catch-all itself takes anything: a typed one
 * would give the inferred input type an index signature that `limit: number` breaks.)
 */
const onlyCustomExtras =
  (declared: readonly string[]) =>
  (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const extras = Object.keys(value).filter((k) => !declared.includes(k));
    const unknown = extras.filter((k) => !CUSTOM_FILTER_KEY.test(k));
    if (unknown.length > 0) {
      ctx.addIssue({ code: z.ZodIssueCode.unrecognized_keys, keys: unknown });
    }
    for (const key of extras.filter((k) => CUSTOM_FILTER_KEY.test(k))) {
      const result = CustomFieldFilterValue.safeParse(value[key]);
      if (!result.success) {
        for (const issue of result.error.issues) {
          ctx.addIssue({ ...issue, path: [key, ...issue.path] });
        }
      }
    }
  };

/** Catch-all of the query objects: `custom.<slug>` keys, checked by `onlyCustomExtras`. */
const CustomKeys = z
  .unknown()
  .describe('`custom.<slug>=value`: a string, or several (a repeated key) meaning any of them');

const filterObject = z.object(filterShape).catchall(CustomKeys);

/**
 * Which contacts: the filter part of `GET /v1/contacts` (also what bulk actions and the export
 * take). Besides the named keys, `custom.<slug>=value` keys filter on custom fields.
 */
export const ContactFilter = filterObject.superRefine(
  onlyCustomExtras(Object.keys(filterObject.shape)),
);
export type ContactFilter = z.infer<typeof ContactFilter>;

const listObject = filterObject
  .extend({
    /** Default `-createdAt`; ties are broken by id, so pages never skip or repeat. */
    sort: ContactSort.default('-createdAt'),
    ...PageQuery.shape,
  })
  .catchall(CustomKeys);

/** `GET /v1/contacts`: filters, sort, `limit` and `cursor`. */
export const ListContactsQuery = listObject.superRefine(
  onlyCustomExtras(Object.keys(listObject.shape)),
);
export type ListContactsQuery = z.infer<typeof ListContactsQuery>;

/** `GET /v1/contacts/export`: the filters and sort of the list, every matching contact. */
const exportObject = filterObject
  .extend({ sort: ContactSort.default('-createdAt') })
  .catchall(CustomKeys);
export const ExportContactsQuery = exportObject.superRefine(
  onlyCustomExtras(Object.keys(exportObject.shape)),
);
export type ExportContactsQuery = z.infer<typeof ExportContactsQuery>;

/** `rpc.contacts.list`: spread into CONTACTS_RPC. */
export const CONTACT_LIST_RPC = {
  list: { subject: 'rpc.contacts.list', input: ListContactsQuery, output: pageOf(Contact) },
} as const;
