import type { TagOperationDoc } from './tag.schema';

/**
 * A contact's tags after a tag operation: a rename or merge puts `into` where `tag` was (once,
 * if the contact has both), a delete drops `tag`. The same list (same reference) when the
 * contact does not carry `tag`.
 */
export function rewriteTags(
  tags: string[],
  op: Pick<TagOperationDoc, 'kind' | 'tag' | 'into'>,
): string[] {
  if (!tags.includes(op.tag)) return tags;
  if (op.kind === 'delete' || op.into === null) return tags.filter((t) => t !== op.tag);
  const into = op.into;
  return [...new Set(tags.map((t) => (t === op.tag ? into : t)))];
}
