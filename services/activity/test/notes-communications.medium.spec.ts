import { RPC, type Contact } from '@switchboard/contracts';
import { storedMessages, waitFor } from '@switchboard/testing';
import { useActivityHarness } from './support/activity-harness';

const h = useActivityHarness(['contacts', 'deals']);

const contactIn = (ws: string): Promise<Contact> =>
  h.rpc.call(RPC.contacts.create, h.ctx(ws), { displayName: 'Grace Hopper' });
const timelineTypes = async (ws: string, anchorId: string, anchorType = 'contact') =>
  (
    await h.rpc.call(RPC.activity.timeline, h.ctx(ws), {
      anchorId,
      anchorType: anchorType as 'contact',
      limit: 50,
    })
  ).items.map((i) => i.type);
const auditActions = async (ws: string, targetId: string) =>
  (await h.rpc.call(RPC.activity.audit, h.ctx(ws), { targetId, limit: 50 })).items
    .map((i) => i.action)
    .sort();

describe('notes', () => {
  it('anchors a note to a contact or a deal (and its contact), with revisions and soft delete', async () => {
    const ws = 'ws-n1';
    const contact = await contactIn(ws);
    const note = await h.rpc.call(RPC.activity.createNote, h.ctx(ws, 'alice'), {
      anchor: { type: 'contact', id: contact.id },
      body: '# First call\nWants **annual** billing.',
    });
    expect(note).toMatchObject({
      anchor: { type: 'contact', id: contact.id },
      contactId: contact.id,
      revision: 1,
      revisions: [],
      author: { type: 'user', id: 'alice' },
      deletedAt: null,
    });

    const revised = await h.rpc.call(RPC.activity.updateNote, h.ctx(ws, 'alice'), {
      id: note.id,
      patch: { body: '# First call\nWants monthly billing.', revision: 1 },
    });
    expect(revised.revision).toBe(2);
    expect(revised.revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        body: note.body,
        editedBy: { type: 'user', id: 'alice' },
      }),
    ]);
    expect(
      await h.err(
        h.rpc.call(RPC.activity.updateNote, h.ctx(ws, 'alice'), {
          id: note.id,
          patch: { body: 'stale', revision: 1 },
        }),
      ),
    ).toMatchObject({ code: 'version_conflict' });
    // Scope "own": another member may not touch Alice's note; scope "all" may.
    expect(
      await h.err(
        h.rpc.call(RPC.activity.updateNote, h.ctx(ws, 'bob', 'own'), {
          id: note.id,
          patch: { body: 'mine now' },
        }),
      ),
    ).toMatchObject({ code: 'forbidden' });

    const pipeline = await h.rpc.call(RPC.deals.createPipeline, h.ctx(ws), {
      name: 'Sales',
      stages: [{ name: 'Lead', category: 'open' }],
    });
    const deal = await h.rpc.call(RPC.deals.create, h.ctx(ws), {
      title: 'Pilot',
      pipelineId: pipeline.id,
      contactId: contact.id,
    });
    const dealNote = await h.rpc.call(RPC.activity.createNote, h.ctx(ws), {
      anchor: { type: 'deal', id: deal.id },
      body: 'Budget approved',
    });
    expect(dealNote.contactId).toBe(contact.id);

    const list = await h.rpc.call(RPC.activity.listNotes, h.ctx(ws), {
      anchorType: 'contact',
      anchorId: contact.id,
      limit: 10,
    });
    expect(list.items.map((n) => n.id)).toEqual([note.id]);

    await waitFor(async () => (await timelineTypes(ws, deal.id, 'deal')).includes('note.added'));
    await waitFor(async () => {
      const types = await timelineTypes(ws, contact.id);
      return types.filter((t) => t === 'note.added').length === 2 && types.includes('note.revised');
    });

    const deleted = await h.rpc.call(RPC.activity.deleteNote, h.ctx(ws, 'alice'), { id: note.id });
    expect(deleted.deletedAt).toEqual(expect.any(String));
    const after = await h.rpc.call(RPC.activity.listNotes, h.ctx(ws), {
      anchorType: 'contact',
      anchorId: contact.id,
      limit: 10,
    });
    expect(after.items).toEqual([]);
    await waitFor(
      async () =>
        (await auditActions(ws, note.id)).join() === 'note.added,note.deleted,note.revised',
    );
    await waitFor(async () => {
      const types = await timelineTypes(ws, contact.id);
      return types.filter((t) => t.startsWith('note.')).join() === 'note.added';
    });
  });

  it('refuses anchors of another workspace, unknown ones, and oversized bodies', async () => {
    const theirs = await contactIn('ws-n2-other');
    expect(
      await h.err(
        h.rpc.call(RPC.activity.createNote, h.ctx('ws-n2'), {
          anchor: { type: 'contact', id: theirs.id },
          body: 'x',
        }),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await h.err(
        h.rpc.call(RPC.activity.listNotes, h.ctx('ws-n2'), {
          anchorType: 'contact',
          anchorId: theirs.id,
          limit: 10,
        }),
      ),
    ).toMatchObject({ code: 'not_found' });
    const mine = await contactIn('ws-n2');
    expect(
      await h.err(
        h.rpc.call(RPC.activity.createNote, h.ctx('ws-n2'), {
          anchor: { type: 'contact', id: mine.id },
          body: 'x'.repeat(20_001),
        }),
      ),
    ).toMatchObject({ code: 'validation_failed' });
    const note = await h.rpc.call(RPC.activity.createNote, h.ctx('ws-n2'), {
      anchor: { type: 'contact', id: mine.id },
      body: 'hello',
    });
    expect(
      await h.err(h.rpc.call(RPC.activity.getNote, h.ctx('ws-n2-other'), { id: note.id })),
    ).toMatchObject({ code: 'not_found' });
  });
});

describe('communication history', () => {
  it('is append-only: an edit supersedes, a delete is soft, the audit keeps all three', async () => {
    const ws = 'ws-c1';
    const contact = await contactIn(ws);
    const logged = await h.rpc.call(RPC.activity.logCommunication, h.ctx(ws, 'alice'), {
      contactId: contact.id,
      entry: {
        channel: 'call',
        direction: 'outbound',
        occurredAt: '2026-05-04T10:00:00.000Z',
        summary: 'Intro call',
        staffId: 'alice',
        sourceRef: 'cal:evt-1',
      },
    });
    expect(logged).toMatchObject({ supersedes: null, supersededBy: null, deletedAt: null });

    const edited = await h.rpc.call(RPC.activity.editCommunication, h.ctx(ws, 'alice'), {
      id: logged.id,
      patch: { summary: 'Intro call, 30 minutes' },
    });
    expect(edited).toMatchObject({
      supersedes: logged.id,
      summary: 'Intro call, 30 minutes',
      channel: 'call',
      sourceRef: 'cal:evt-1',
    });
    expect(
      await h.err(
        h.rpc.call(RPC.activity.editCommunication, h.ctx(ws, 'alice'), {
          id: logged.id,
          patch: { summary: 'again' },
        }),
      ),
    ).toMatchObject({ code: 'conflict' });
    expect(
      await h.err(
        h.rpc.call(RPC.activity.deleteCommunication, h.ctx(ws, 'bob', 'own'), { id: edited.id }),
      ),
    ).toMatchObject({ code: 'forbidden' });

    const list = (history?: 'true') =>
      h.rpc.call(RPC.activity.listCommunications, h.ctx(ws), {
        contactId: contact.id,
        limit: 10,
        ...(history ? { history } : {}),
      });
    expect((await list()).items.map((c) => c.id)).toEqual([edited.id]);
    expect(
      (await h.rpc.call(RPC.activity.getCommunication, h.ctx(ws), { id: logged.id })).supersededBy,
    ).toBe(edited.id);

    await h.rpc.call(RPC.activity.deleteCommunication, h.ctx(ws, 'alice'), { id: edited.id });
    expect((await list()).items).toEqual([]);
    expect((await list('true')).items.map((c) => c.id).sort()).toEqual(
      [logged.id, edited.id].sort(),
    );

    await waitFor(
      async () =>
        (await auditActions(ws, edited.id)).join() === 'communication.deleted,communication.edited',
    );
    expect(await auditActions(ws, logged.id)).toEqual(['communication.logged']);
    await waitFor(async () => (await timelineTypes(ws, contact.id)).join() === 'contact.created');

    // A logged conversation is a touch: activity.recorded for the contacts service.
    const recorded = await storedMessages<{
      data: { contactId: string; touch: boolean; activity: string };
    }>(h.nc, h.subjects.stream('events').name, h.subjects.event(ws, 'activity.recorded'));
    expect(recorded.map((r) => r.data)).toEqual([
      expect.objectContaining({
        contactId: contact.id,
        touch: true,
        activity: 'communication.call',
      }),
      expect.objectContaining({
        contactId: contact.id,
        touch: true,
        activity: 'communication.call',
      }),
    ]);
  });

  it('belongs to contacts of the caller workspace only', async () => {
    const theirs = await contactIn('ws-c2-other');
    const entry = {
      channel: 'email' as const,
      direction: 'inbound' as const,
      occurredAt: new Date().toISOString(),
      summary: 'Question about pricing',
    };
    expect(
      await h.err(
        h.rpc.call(RPC.activity.logCommunication, h.ctx('ws-c2'), { contactId: theirs.id, entry }),
      ),
    ).toMatchObject({ code: 'not_found' });
    const logged = await h.rpc.call(RPC.activity.logCommunication, h.ctx('ws-c2-other'), {
      contactId: theirs.id,
      entry,
    });
    // Each call is wrapped at once, so no rejection sits unhandled while another is awaited.
    const errors = await Promise.all([
      h.err(h.rpc.call(RPC.activity.getCommunication, h.ctx('ws-c2'), { id: logged.id })),
      h.err(h.rpc.call(RPC.activity.deleteCommunication, h.ctx('ws-c2'), { id: logged.id })),
      h.err(
        h.rpc.call(RPC.activity.listCommunications, h.ctx('ws-c2'), {
          contactId: theirs.id,
          limit: 5,
        }),
      ),
    ]);
    for (const err of errors) expect(err).toMatchObject({ code: 'not_found' });
  });
});
