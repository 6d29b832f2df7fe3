import type { Actor, FieldError } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { normaliseTags } from './contact-normalizer';
import type { ContactDoc } from './contact.schema';

/**
 * Pure transitions of one contact (no I/O): each returns the next state, or the same object
 * when nothing changes, so callers can tell a no-op (`next === doc`).
 */

/** The next version of a changed contact. */
export const stamped = (next: ContactDoc, now: Date): ContactDoc => ({
  ...next,
  version: next.version + 1,
  updatedAt: now,
});

/** Archived contacts are read-only until restored (a merged one for good). */
export function assertActive(doc: ContactDoc): void {
  if (doc.status === 'archived') {
    throw new AppError(
      'conflict',
      doc.mergedInto
        ? `contact ${doc._id} was merged into ${doc.mergedInto}`
        : `contact ${doc._id} is archived; restore it first`,
      doc.mergedInto ? { mergedInto: doc.mergedInto } : undefined,
    );
  }
}

/** A contact needs a name or a channel, and a birthday is a month and a day together. */
export function shapeErrors(doc: ContactDoc): FieldError[] {
  const errors: FieldError[] = [];
  if (!doc.displayName) {
    errors.push({ path: 'displayName', message: 'a contact needs a name or at least one channel' });
  }
  if ((doc.birthMonth === undefined) !== (doc.birthDay === undefined)) {
    errors.push({ path: 'birthDay', message: 'birthMonth and birthDay go together' });
  }
  return errors;
}

/** The journey stage set to `stage`, the transition appended to the history. */
export function withStage(
  doc: ContactDoc,
  stage: string | undefined,
  actor: Actor,
  now: Date,
): ContactDoc {
  if ((doc.stage ?? undefined) === stage) return doc;
  return {
    ...doc,
    stage,
    stageHistory: [
      ...(doc.stageHistory ?? []),
      { from: doc.stage ?? null, to: stage ?? null, at: now, actor },
    ],
  };
}

/** Tags added and removed (normalised); unchanged when every tag was already so. */
export function withTags(doc: ContactDoc, add: string[], remove: string[]): ContactDoc {
  const removing = new Set(normaliseTags(remove));
  const kept = doc.tags.filter((t) => !removing.has(t));
  const tags = normaliseTags([...kept, ...add]);
  const same = tags.length === doc.tags.length && tags.every((t, i) => t === doc.tags[i]);
  return same ? doc : { ...doc, tags };
}

/** The caller takes an unowned contact (a no-op when it is already theirs). */
export function claimed(doc: ContactDoc, actor: Actor): ContactDoc {
  if (doc.ownerId === actor.id) return doc;
  if (doc.ownerId) {
    throw new AppError('conflict', `contact ${doc._id} is already owned by someone else`, {
      ownerId: doc.ownerId,
    });
  }
  return { ...doc, ownerId: actor.id };
}

/** The contact loses its owner (a no-op when it has none). */
export const released = (doc: ContactDoc): ContactDoc =>
  doc.ownerId ? { ...doc, ownerId: null } : doc;

/** Archived (a no-op when it already is), with the reason in the status history. */
export function archived(
  doc: ContactDoc,
  reason: 'deleted' | 'bulk' | 'merged',
  actor: Actor,
  now: Date,
): ContactDoc {
  if (doc.status === 'archived') return doc;
  return {
    ...doc,
    status: 'archived',
    statusHistory: [...(doc.statusHistory ?? []), { status: 'archived', at: now, actor, reason }],
  };
}

/** Active again with its data intact (a no-op when active). A merged contact stays archived. */
export function restored(doc: ContactDoc, actor: Actor, now: Date): ContactDoc {
  if (doc.status === 'active') return doc;
  if (doc.mergedInto) {
    throw new AppError(
      'conflict',
      `contact ${doc._id} was merged into ${doc.mergedInto} and cannot be restored`,
      { mergedInto: doc.mergedInto },
    );
  }
  return {
    ...doc,
    status: 'active',
    statusHistory: [...(doc.statusHistory ?? []), { status: 'active', at: now, actor }],
  };
}
