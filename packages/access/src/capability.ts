import { isSystemTag, type Capability, type RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';

/** What a capability check needs from a request context. */
export type CapabilityContext = Pick<RequestContext, 'capabilities'>;

/**
 * Throws `forbidden` unless the caller's role holds `capability`. For a write whose route needs
 * another capability but which also does what a narrower route guards: tags set by
 * `PATCH /v1/contacts/:id`, a create, an import row or a lead conversion need `contacts.tag`
 * as `POST /v1/contacts/:id/tags` does.
 */
export function assertCapability(
  ctx: CapabilityContext,
  capability: Capability,
  what: string,
): void {
  if (!ctx.capabilities.includes(capability)) {
    throw new AppError('forbidden', `${what} needs the capability ${capability}`, { capability });
  }
}

/** `contacts.tag` when a write sets or changes tags (an empty list on a create sets none). */
export function assertMayTag(
  ctx: CapabilityContext,
  tags: readonly string[] | null | undefined,
  mode: 'create' | 'update',
): void {
  const setsTags = mode === 'create' ? (tags?.length ?? 0) > 0 : tags !== undefined;
  if (setsTags) assertCapability(ctx, 'contacts.tag', 'changing tags');
}

/**
 * `tags.system` when a write adds or removes a `bot:` system tag (decision 0127): `before` is the
 * contact's tags as stored (empty for a new contact), `after` what the write leaves. Keeping a
 * system tag that is there already needs nothing, so a member may still edit such a contact.
 */
export function assertMaySystemTag(
  ctx: CapabilityContext,
  before: readonly string[],
  after: readonly string[],
): void {
  const had = new Set(before.filter(isSystemTag));
  const has = new Set(after.filter(isSystemTag));
  const changed = [...has].filter((t) => !had.has(t)).concat([...had].filter((t) => !has.has(t)));
  if (changed.length === 0 || ctx.capabilities.includes('tags.system')) return;
  throw new AppError(
    'forbidden',
    `system tags (${changed.join(', ')}) need the capability tags.system`,
    { capability: 'tags.system', tags: changed },
  );
}
