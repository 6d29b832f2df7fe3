import type { Capability, RequestContext } from '@switchboard/contracts';
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
