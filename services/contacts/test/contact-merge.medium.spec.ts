import { RPC, type FieldChange, type MergeContactsResult } from '@switchboard/contracts';
import type { RunningService } from '@switchboard/runtime';
import { startInProcess, waitFor } from '@switchboard/testing';
import { dealsService } from '../../deals/src/app.module';
import { DealsConfig } from '../../deals/src/config';
import { useContactWritesHarness } from './support/contact-writes-harness';

const h = useContactWritesHarness();
const { ctx, err } = h;

const pair = async (ws: string) => {
  const survivor = await h.create(ws, {
    firstName: 'Ada',
    channels: [{ type: 'phone', value: '+33612345678' }],
    tags: ['vip'],
    locale: 'en-GB',
  });
  const duplicate = await h.create(ws, {
    firstName: 'Augusta',
    lastName: 'Lovelace',
    channels: [{ type: 'email', value: 'ada@example.com' }],
    tags: ['newsletter'],
    locale: 'fr-FR',
    stage: 'customer',
  });
  // Company links set in storage: these tests are about contacts, not company existence.
  // Written once the relay is done with both (on FerretDB its update would rewrite them).
  const contacts = h.db.collection<{ _id: string }>('contacts');
  await h.relayed('contacts', survivor.id);
  await h.relayed('contacts', duplicate.id);
  await contacts.updateOne(
    { _id: survivor.id },
    { $set: { companyLinks: [{ companyId: 'co-1', title: 'CTO' }] } },
  );
  await contacts.updateOne(
    { _id: duplicate.id },
    { $set: { companyLinks: [{ companyId: 'co-2' }] } },
  );
  return { survivor, duplicate };
};

const merge = (ws: string, input: Record<string, unknown>) =>
  h.rpc.call(RPC.contacts.merge, ctx(ws), input as never) as Promise<MergeContactsResult>;

describe('merge (rpc.contacts.merge)', () => {
  it('previews the merge on a dry run without writing anything', async () => {
    const { survivor, duplicate } = await pair('ws-m1');
    const preview = await merge('ws-m1', {
      survivorId: survivor.id,
      duplicateId: duplicate.id,
      resolutions: { locale: 'duplicate' },
      dryRun: true,
    });
    expect(preview).toMatchObject({
      dryRun: true,
      contact: {
        id: survivor.id,
        firstName: 'Ada',
        lastName: 'Lovelace',
        locale: 'fr-FR',
        stage: 'customer',
        tags: ['vip', 'newsletter'],
        version: 2,
      },
      duplicate: { id: duplicate.id, status: 'archived', mergedInto: survivor.id },
      conflicts: [
        { field: 'firstName', survivor: 'Ada', duplicate: 'Augusta', resolution: 'survivor' },
        { field: 'locale', survivor: 'en-GB', duplicate: 'fr-FR', resolution: 'duplicate' },
      ],
    });
    expect(preview.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['lastName', 'channels', 'tags', 'locale', 'stage']),
    );
    expect(await h.stored(survivor.id)).toMatchObject({ version: 1, locale: 'en-GB' });
    expect(await h.stored(duplicate.id)).toMatchObject({ version: 1, status: 'active' });
    expect(h.events('contact.merged', survivor.id)).toEqual([]);
  });

  it('folds the duplicate into the survivor and archives it with mergedInto', async () => {
    const { survivor, duplicate } = await pair('ws-m2');
    const result = await merge('ws-m2', { survivorId: survivor.id, duplicateId: duplicate.id });
    expect(result.dryRun).toBe(false);
    expect(result.contact).toMatchObject({
      id: survivor.id,
      displayName: 'Ada Lovelace',
      locale: 'en-GB',
      tags: ['vip', 'newsletter'],
      companyLinks: [{ companyId: 'co-1', title: 'CTO' }, { companyId: 'co-2' }],
      // The duplicate's history, then the survivor's own move at the merge.
      stageHistory: [
        expect.objectContaining({ from: null, to: 'customer' }),
        expect.objectContaining({
          from: null,
          to: 'customer',
          actor: { type: 'user', id: 'admin-1' },
        }),
      ],
      version: 2,
    });
    expect(result.contact.channels.map((c) => [c.value, c.primary])).toEqual([
      ['+33612345678', true],
      ['ada@example.com', true],
    ]);
    // The survivor holds the duplicate's email now; the duplicate's key was released.
    expect(await h.stored(survivor.id)).toMatchObject({ dedupKey: 'email:ada@example.com' });
    expect(await h.stored(duplicate.id)).toMatchObject({
      status: 'archived',
      mergedInto: survivor.id,
      dedupKey: `merged:${duplicate.id}`,
      firstName: 'Augusta',
    });
    expect(result.duplicate.statusHistory).toEqual([
      expect.objectContaining({ status: 'archived', reason: 'merged' }),
    ]);

    const merged = await h.event('contact.merged', survivor.id, 2);
    expect(merged.data).toMatchObject({
      survivorId: survivor.id,
      duplicateId: duplicate.id,
      contact: { id: survivor.id, version: 2 },
    });
    const updated = await h.event<{ changes: FieldChange[] }>('contact.updated', survivor.id, 2);
    expect(updated.data.changes).toEqual(result.changes);
    expect((await h.event('contact.archived', duplicate.id, 2)).data).toMatchObject({
      reason: 'merged',
    });
    // A new contact with that email is a duplicate of the survivor.
    expect(
      await err(h.create('ws-m2', { channels: [{ type: 'email', value: 'ada@example.com' }] })),
    ).toMatchObject({ code: 'duplicate_contact', details: { duplicateOf: survivor.id } });
    // Merging again into the same survivor completes (idempotent); a merged contact stays so.
    await expect(
      merge('ws-m2', { survivorId: survivor.id, duplicateId: duplicate.id }),
    ).resolves.toMatchObject({ contact: { tags: ['vip', 'newsletter'] } });
    expect(
      await err(h.rpc.call(RPC.contacts.restore, ctx('ws-m2'), { id: duplicate.id })),
    ).toMatchObject({ code: 'conflict', details: { mergedInto: survivor.id } });
  });

  it('completes a merge interrupted after the duplicate was archived (a crash between the writes)', async () => {
    const { survivor, duplicate } = await pair('ws-m6');
    // Step 1 done, step 2 never happened: what a crash between the two writes leaves. Written
    // once the relay is done with the duplicate: on FerretDB the relay's update rewrites the
    // document it read and would undo a raw write landing in between.
    const contacts = h.db.collection<{ _id: string; outboxPending?: boolean }>('contacts');
    await waitFor(
      async () => (await contacts.findOne({ _id: duplicate.id }))?.outboxPending === false,
      {
        what: 'duplicate relayed',
      },
    );
    await contacts.updateOne(
      { _id: duplicate.id },
      {
        $set: {
          status: 'archived',
          mergedInto: survivor.id,
          dedupKey: `merged:${duplicate.id}`,
          version: 2,
        },
      },
    );
    const result = await merge('ws-m6', { survivorId: survivor.id, duplicateId: duplicate.id });
    expect(result.contact).toMatchObject({ lastName: 'Lovelace', tags: ['vip', 'newsletter'] });
    expect((await h.event('contact.merged', survivor.id, 2)).data).toMatchObject({
      duplicateId: duplicate.id,
    });
  });

  it('refuses self-merges, merged or archived duplicates, stale versions and other workspaces', async () => {
    const { survivor, duplicate } = await pair('ws-m3');
    const third = await h.create('ws-m3', { displayName: 'Third' });
    expect(
      await err(merge('ws-m3', { survivorId: survivor.id, duplicateId: survivor.id })),
    ).toMatchObject({ code: 'validation_failed' });
    expect(
      await err(
        merge('ws-m3', { survivorId: survivor.id, duplicateId: duplicate.id, survivorVersion: 7 }),
      ),
    ).toMatchObject({ code: 'version_conflict' });
    await merge('ws-m3', { survivorId: survivor.id, duplicateId: duplicate.id });
    expect(
      await err(merge('ws-m3', { survivorId: third.id, duplicateId: duplicate.id })),
    ).toMatchObject({ code: 'conflict', details: { mergedInto: survivor.id } });
    expect(
      await err(merge('ws-m3', { survivorId: duplicate.id, duplicateId: third.id })),
    ).toMatchObject({ code: 'conflict' });
    await h.rpc.call(RPC.contacts.archive, ctx('ws-m3'), { id: third.id });
    expect(
      await err(merge('ws-m3', { survivorId: survivor.id, duplicateId: third.id })),
    ).toMatchObject({ code: 'conflict' });

    const away = await h.create('ws-m3-other', { displayName: 'Away' });
    expect(
      await err(merge('ws-m3', { survivorId: survivor.id, duplicateId: away.id })),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await err(merge('ws-m3-other', { survivorId: away.id, duplicateId: third.id })),
    ).toMatchObject({ code: 'not_found' });
    expect(await h.stored(away.id)).toMatchObject({ version: 1, status: 'active' });
  });

  it('never loses an edit of the survivor or the duplicate made during the merge', async () => {
    for (let round = 0; round < 4; round++) {
      const ws = `ws-m4-${round}`;
      const { survivor, duplicate } = await pair(ws);
      const [merged, survivorEdit, duplicateEdit] = await Promise.allSettled([
        merge(ws, { survivorId: survivor.id, duplicateId: duplicate.id }),
        h.rpc.call(RPC.contacts.update, ctx(ws), {
          id: survivor.id,
          patch: { timeZone: 'Europe/London' },
        }),
        h.rpc.call(RPC.contacts.tags, ctx(ws), { id: duplicate.id, tags: { add: ['late'] } }),
      ]);
      expect(merged.status).toBe('fulfilled');
      expect(survivorEdit.status).toBe('fulfilled');
      const final = await h.rpc.call(RPC.contacts.get, ctx(ws), { id: survivor.id });
      expect(final).toMatchObject({ timeZone: 'Europe/London', lastName: 'Lovelace' });
      if (duplicateEdit.status === 'fulfilled') {
        // Tagged before the merge read it: the tag came along.
        expect(final.tags).toContain('late');
      } else {
        // Tagged after it was archived: refused, never silently dropped.
        expect(duplicateEdit.reason).toMatchObject({ code: 'conflict' });
      }
    }
  });
});

describe('merge and the deals service', () => {
  let deals: RunningService;
  beforeAll(async () => {
    deals = await startInProcess(h.ns, 'deals', DealsConfig, dealsService);
  });
  afterAll(() => deals.stop());

  it('moves a deal of the duplicate to the survivor', async () => {
    const { survivor, duplicate } = await pair('ws-m5');
    const pipeline = await h.rpc.call(RPC.deals.createPipeline, ctx('ws-m5'), {
      name: 'Sales',
      stages: [{ name: 'Open', category: 'open' }],
    });
    const deal = await h.rpc.call(RPC.deals.create, ctx('ws-m5'), {
      title: 'Big one',
      pipelineId: pipeline.id,
      contactId: duplicate.id,
    });
    await merge('ws-m5', { survivorId: survivor.id, duplicateId: duplicate.id });
    await waitFor(
      async () =>
        (await h.rpc.call(RPC.deals.get, ctx('ws-m5'), { id: deal.id })).contactId === survivor.id,
      { what: 'the deal on the survivor' },
    );
  });
});
