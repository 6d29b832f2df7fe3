import type {
  Address,
  Channel,
  ChannelInput,
  CompanyLink,
  CreateContactInput,
  UpdateContactInput,
} from '@switchboard/contracts';
import type { ContactDoc } from '../contacts/contact.schema';

/**
 * What a duplicate row (its contact exists) changes, as a PATCH of the existing contact:
 * - `overwrite`: every field the row gives replaces the stored one (channels: those of the
 *   types the row gives; custom fields, metadata and address: key by key; a company link with
 *   the row's company is replaced);
 * - `merge`: fills what is blank, and adds the row's tags, channels and company link.
 * Fields the row leaves blank are never touched. Returns null when there is nothing to write.
 */
export function duplicatePatch(
  existing: ContactDoc,
  row: CreateContactInput,
  rowChannels: Channel[],
  mode: 'merge' | 'overwrite',
): Omit<UpdateContactInput, 'version'> | null {
  const patch: Record<string, unknown> = {};
  const fill = mode === 'merge';
  const blank = (v: unknown) => v === undefined || v === null || v === '';

  const scalars = [
    'firstName',
    'lastName',
    'locale',
    'timeZone',
    'source',
    'leadSource',
    'stage',
    'ownerId',
    'leadId',
    'linkedUserId',
  ] as const;
  for (const key of scalars) {
    const value = row[key];
    if (value === undefined) continue;
    if (fill ? blank(existing[key]) : existing[key] !== value) patch[key] = value;
  }
  if (row.displayName !== undefined && !fill && existing.displayName !== row.displayName) {
    patch.displayName = row.displayName;
  }
  if (row.birthMonth !== undefined && (fill ? !existing.birthMonth : true)) {
    if (existing.birthMonth !== row.birthMonth || existing.birthDay !== row.birthDay) {
      Object.assign(patch, { birthMonth: row.birthMonth, birthDay: row.birthDay });
    }
  }

  if (rowChannels.length > 0) {
    const channels = fill
      ? addChannels(existing.channels, rowChannels)
      : replaceTypes(existing.channels, rowChannels);
    if (channels) patch.channels = channels;
  }
  if (row.tags?.length) {
    const tags = fill ? [...new Set([...existing.tags, ...row.tags])] : row.tags;
    if (!sameList(tags, existing.tags)) patch.tags = tags;
  }
  let links = existing.companyLinks;
  for (const link of row.companyLinks ?? []) links = withLink(links, link, fill) ?? links;
  if (links !== existing.companyLinks) patch.companyLinks = links;

  const address = row.address ? keyed(existing.address ?? {}, row.address, fill) : null;
  if (address) patch.address = { ...(existing.address ?? {}), ...address } satisfies Address;
  const custom = row.customFields
    ? keyed(existing.customFields ?? {}, row.customFields, fill)
    : null;
  if (custom) patch.customFields = custom;
  const metadata = row.metadata ? keyed(existing.metadata ?? {}, row.metadata, fill) : null;
  if (metadata) patch.metadata = metadata;

  return Object.keys(patch).length > 0 ? patch : null;
}

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The values of `row` that differ (overwrite) or fill a blank key (merge); null if none. */
function keyed(
  current: Record<string, unknown>,
  row: Record<string, unknown>,
  fill: boolean,
): Record<string, unknown> | null {
  const changed = Object.entries(row).filter(([k, v]) => {
    const old = current[k];
    if (fill) return old === undefined || old === null || old === '';
    return JSON.stringify(old) !== JSON.stringify(v);
  });
  return changed.length > 0 ? Object.fromEntries(changed) : null;
}

const asInput = (c: Channel): ChannelInput => ({
  type: c.type,
  value: c.value,
  ...(c.label ? { label: c.label } : {}),
  primary: c.primary,
});
const key = (c: Pick<Channel, 'type' | 'value'>) => `${c.type}:${c.value}`;

/** Merge: the row's channels not stored yet are added (not primary where one exists). */
function addChannels(current: Channel[], row: Channel[]): ChannelInput[] | null {
  const known = new Set(current.map(key));
  const added = row.filter((c) => !known.has(key(c)));
  if (added.length === 0) return null;
  const typed = new Set(current.map((c) => c.type));
  return [
    ...current.map(asInput),
    ...added.map((c) => ({ ...asInput(c), primary: !typed.has(c.type) && c.primary })),
  ];
}

/** Overwrite: the channels of the types the row gives are the row's (its first is primary). */
function replaceTypes(current: Channel[], row: Channel[]): ChannelInput[] | null {
  const types = new Set(row.map((c) => c.type));
  const next = [...current.filter((c) => !types.has(c.type)), ...row];
  const same =
    next.length === current.length &&
    next.every((c) => current.some((o) => key(o) === key(c) && o.primary === c.primary));
  return same ? null : next.map(asInput);
}

/** The company links with the row's link added (merge: only if that company is not linked). */
function withLink(current: CompanyLink[], link: CompanyLink, fill: boolean): CompanyLink[] | null {
  const at = current.findIndex((l) => l.companyId === link.companyId);
  if (at < 0) return [...current, link];
  const old = current[at];
  const next = fill
    ? { ...link, ...Object.fromEntries(Object.entries(old).filter(([, v]) => v !== undefined)) }
    : { ...old, ...link };
  if (JSON.stringify(next) === JSON.stringify(old)) return null;
  return current.map((l, i) => (i === at ? next : l));
}
