import { buildContactDoc } from './contact-builder';
import { ownerEvents, tagEvents, updatedEvents } from './contact-events';
import type { ContactDoc } from './contact.schema';
import { archived, claimed, released, restored, stamped, withTags } from './contact-writes';

const actor = { type: 'user', id: 'u1' } as const;
const now = new Date('2026-01-02T00:00:00Z');
const doc = (extra: Partial<ContactDoc> = {}): ContactDoc => ({
  ...buildContactDoc(
    { displayName: 'Ada', tags: ['a', 'b'] },
    { id: 'c1', workspaceId: 'ws', actor, now: new Date('2026-01-01'), dedupRule: 'email' },
  ),
  ...extra,
});

describe('single-contact transitions', () => {
  it('reports a no-op as the same object', () => {
    const d = doc();
    expect(withTags(d, ['a'], ['zzz'])).toBe(d);
    expect(released(d)).toBe(d);
    expect(restored(d, actor, now)).toBe(d);
    const gone = archived(d, 'deleted', actor, now);
    expect(archived(gone, 'deleted', actor, now)).toBe(gone);
    expect(claimed(doc({ ownerId: 'u1' }), actor).ownerId).toBe('u1');
  });

  it('adds and removes tags, emitting only the real changes', () => {
    const d = doc();
    const next = stamped(withTags(d, ['c', ' a '], ['b']), now);
    expect(next.tags).toEqual(['a', 'c']);
    expect(next.version).toBe(2);
    const events = tagEvents(actor, d, next);
    expect(events.map((e) => [e.type, (e.data as { tags: string[] }).tags])).toEqual([
      ['contact.tag.added', ['c']],
      ['contact.tag.removed', ['b']],
    ]);
    expect(events[0].aggregate).toEqual({ type: 'contact', id: 'c1', version: 2 });
  });

  it('claims only an unowned contact', () => {
    expect(claimed(doc(), actor).ownerId).toBe('u1');
    expect(() => claimed(doc({ ownerId: 'u2' }), actor)).toThrow(
      expect.objectContaining({ code: 'conflict', details: { ownerId: 'u2' } }),
    );
  });

  it('archives with a reason and restores with the history kept; a merged one stays', () => {
    const gone = archived(doc(), 'deleted', actor, now);
    expect(gone.statusHistory).toEqual([{ status: 'archived', at: now, actor, reason: 'deleted' }]);
    const back = restored(gone, actor, now);
    expect(back.status).toBe('active');
    expect(back.statusHistory.map((h) => h.status)).toEqual(['archived', 'active']);
    expect(() => restored({ ...gone, mergedInto: 'c9' }, actor, now)).toThrow(
      expect.objectContaining({ code: 'conflict', details: { mergedInto: 'c9' } }),
    );
  });

  it('emits owner events for claims, reassignments and releases', () => {
    const types = (before: ContactDoc, after: ContactDoc) =>
      ownerEvents(actor, before, after).map((e) => [e.type, e.data]);
    const owned = doc({ ownerId: 'u1' });
    expect(types(doc(), owned)).toEqual([
      ['contact.owner.claimed', expect.objectContaining({ ownerId: 'u1', previousOwnerId: null })],
    ]);
    expect(types(owned, doc({ ownerId: 'u2' }))[0][0]).toBe('contact.owner.claimed');
    expect(types(owned, doc())[0][0]).toBe('contact.owner.released');
    expect(types(owned, owned)).toEqual([]);
  });

  it('sends contact.updated with the specific events of a general edit, nothing for no change', () => {
    const d = doc();
    const next = stamped({ ...d, tags: ['a'], stage: 'lead', ownerId: 'u1' }, now);
    expect(updatedEvents(actor, d, next).map((e) => e.type)).toEqual([
      'contact.updated',
      'contact.tag.removed',
      'contact.owner.claimed',
      'contact.stage.changed',
    ]);
    expect(updatedEvents(actor, d, stamped(d, now))).toEqual([]);
  });
});
