import { newId } from '@switchboard/messaging';
import type { Filter } from '@switchboard/segment-dsl';
import type { MembershipDoc, ProfileDoc } from '@switchboard/segment-store';
import { waitFor } from '@switchboard/testing';
import { useWorkerHarness } from './support/worker-harness';

/**
 * Incremental evaluation (`evaluate-contact`) by the worker against real FerretDB/MongoDB, NATS
 * and Redis: profiles, definitions and explicit requests written as the segments service writes
 * them, the job enqueued as it enqueues it, the outcome read from the edges, the profile and
 * the member events on NATS.
 */
const h = useWorkerHarness();
const VIP_CUSTOMERS: Filter = {
  and: [
    { field: 'stage', op: 'eq', value: 'customer' },
    { field: 'tags', op: 'has_any', value: ['vip'] },
  ],
};

const changed = async (ws: string, contactId: string) => {
  await h.queue.contactChanged({ workspaceId: ws, contactId, reason: 'test' });
};

beforeAll(async () => {
  await h.startWorker();
});

describe('evaluate-contact', () => {
  it('joins when the filter starts to hold and leaves when it stops, with the channels in the events', async () => {
    const ws = newId();
    const seg = await h.segment(ws, { name: 'VIP customers', filter: VIP_CUSTOMERS });
    const p = await h.insertProfile(ws, {
      stage: 'customer',
      tags: ['vip'],
      channels: [
        {
          type: 'email',
          value: 'ada@example.com',
          primary: true,
          subscribed: true,
          suppressed: false,
        },
        {
          type: 'phone',
          value: '+33612345678',
          primary: true,
          subscribed: false,
          suppressed: true,
        },
      ],
    });
    await changed(ws, p._id);
    const joined = await h.waitEvent(ws, 'joined', p._id, seg._id);
    expect(joined.data.data).toEqual({
      segmentId: seg._id,
      segmentName: 'VIP customers',
      contactId: p._id,
      via: 'rule',
      contact: {
        displayName: 'Ada Lovelace',
        channels: [
          {
            type: 'email',
            value: 'ada@example.com',
            subscribed: true,
            suppressed: false,
            consent: 'unknown',
          },
          {
            type: 'phone',
            value: '+33612345678',
            subscribed: false,
            suppressed: true,
            consent: 'unknown',
          },
        ],
      },
    });
    expect(joined.subject).toBe(h.subjects.event(ws, 'segment.member.joined'));
    await h.idle();
    const edge = (await h.edge(ws, seg._id, p._id)) as MembershipDoc;
    expect(edge).toMatchObject({
      member: true,
      via: 'rule',
      ruleMatch: true,
      transitions: 1,
      outboxPending: false,
    });
    expect(edge.history.map((x) => x.change)).toEqual(['joined']);
    const stored = await h.profiles().findOne({ workspaceId: ws, _id: p._id }).lean<ProfileDoc>();
    expect(stored?.segments).toEqual([seg._id]);

    await h.updateProfile(ws, p._id, { tags: [] });
    await changed(ws, p._id);
    const left = await h.waitEvent(ws, 'left', p._id, seg._id);
    expect(left.data.data.via).toBe('rule');
    await h.idle();
    expect(await h.edge(ws, seg._id, p._id)).toMatchObject({
      member: false,
      via: null,
      transitions: 2,
    });
    expect(
      (await h.profiles().findOne({ workspaceId: ws, _id: p._id }).lean<ProfileDoc>())?.segments,
    ).toEqual([]);
    // One event per transition reached the stream.
    const events = await h.stored(ws);
    expect(events.map((e) => e.type)).toEqual(['segment.member.joined', 'segment.member.left']);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
  });

  it('evaluates consent conditions and carries the consent in member events', async () => {
    const ws = newId();
    const seg = await h.segment(ws, {
      name: 'Opted-in email',
      filter: { field: 'channels.email', op: 'opted_in' },
    });
    const channel = { type: 'email', value: 'ada@example.com', primary: true, suppressed: false };
    const p = await h.insertProfile(ws, {
      channels: [{ ...channel, subscribed: true, consent: 'opted_in' }],
    });
    const unknown = await h.insertProfile(ws, { channels: [{ ...channel, subscribed: true }] });
    await changed(ws, p._id);
    await changed(ws, unknown._id);
    const joined = await h.waitEvent(ws, 'joined', p._id, seg._id);
    expect(joined.data.data.contact.channels).toEqual([
      {
        type: 'email',
        value: 'ada@example.com',
        subscribed: true,
        suppressed: false,
        consent: 'opted_in',
      },
    ]);
    await h.idle();
    expect(await h.edge(ws, seg._id, unknown._id)).toBeNull();

    await h.updateProfile(ws, p._id, {
      channels: [{ ...channel, subscribed: false, consent: 'opted_out' }],
    });
    await changed(ws, p._id);
    const left = await h.waitEvent(ws, 'left', p._id, seg._id);
    expect(left.data.data.contact.channels[0]).toMatchObject({
      consent: 'opted_out',
      subscribed: false,
    });
  });

  it('keeps an explicitly included contact in and an explicitly excluded one out', async () => {
    const ws = newId();
    const seg = await h.segment(ws, { filter: VIP_CUSTOMERS });
    const outsider = await h.insertProfile(ws, { stage: 'lead' });
    const insider = await h.insertProfile(ws, { stage: 'customer', tags: ['vip'] });
    await h.setExplicit(ws, seg._id, outsider._id, 'include');
    await h.setExplicit(ws, seg._id, insider._id, 'exclude');
    await changed(ws, outsider._id);
    await changed(ws, insider._id);
    const joined = await h.waitEvent(ws, 'joined', outsider._id, seg._id);
    expect(joined.data.data.via).toBe('explicit');
    await h.idle();
    expect(await h.edge(ws, seg._id, outsider._id)).toMatchObject({
      member: true,
      via: 'explicit',
      explicit: 'include',
      ruleMatch: false,
    });
    expect(await h.edge(ws, seg._id, insider._id)).toBeNull();
    expect(h.tapped(ws, 'joined', insider._id)).toHaveLength(0);

    // The include survives changes of the contact; removing it lets the rule decide again.
    await h.updateProfile(ws, outsider._id, { tags: ['other'] });
    await changed(ws, outsider._id);
    await h.idle();
    expect(await h.edge(ws, seg._id, outsider._id)).toMatchObject({ member: true, transitions: 1 });
    await h.explicit().deleteOne({ workspaceId: ws, _id: `${seg._id}:${outsider._id}` });
    await changed(ws, outsider._id);
    await h.waitEvent(ws, 'left', outsider._id, seg._id);
  });

  it('makes archived and merged contacts leave, whatever the filter or an include says', async () => {
    const ws = newId();
    const seg = await h.segment(ws, { filter: { field: 'stage', op: 'eq', value: 'customer' } });
    const archived = await h.insertProfile(ws, { stage: 'customer' });
    const merged = await h.insertProfile(ws, { stage: 'customer' });
    await h.setExplicit(ws, seg._id, merged._id, 'include');
    await changed(ws, archived._id);
    await changed(ws, merged._id);
    await h.waitEvent(ws, 'joined', archived._id, seg._id);
    await h.waitEvent(ws, 'joined', merged._id, seg._id);
    await h.updateProfile(ws, archived._id, { status: 'archived' });
    await h.updateProfile(ws, merged._id, { status: 'merged', mergedInto: newId() });
    await changed(ws, archived._id);
    await changed(ws, merged._id);
    await h.waitEvent(ws, 'left', archived._id, seg._id);
    await h.waitEvent(ws, 'left', merged._id, seg._id);
    await h.idle();
    const edge = (await h.edge(ws, seg._id, merged._id)) as MembershipDoc;
    expect(edge.history.map((x) => `${x.change}:${x.reason}`)).toEqual([
      'joined:include',
      'left:merged',
    ]);
  });

  it('evaluates a segment of segments after the segment it reads, in one job', async () => {
    const ws = newId();
    const customers = await h.segment(ws, {
      filter: { field: 'stage', op: 'eq', value: 'customer' },
    });
    // Inserted first, so only dependency order puts it after `customers`.
    const vipOfCustomers = await h.segment(ws, {
      filter: {
        and: [
          { segment: customers._id, op: 'in' },
          { field: 'tags', op: 'has_any', value: ['vip'] },
        ],
      },
    });
    const p = await h.insertProfile(ws, { stage: 'customer', tags: ['vip'] });
    await changed(ws, p._id);
    await h.waitEvent(ws, 'joined', p._id, vipOfCustomers._id);
    await h.idle();
    expect(
      (
        await h.profiles().findOne({ workspaceId: ws, _id: p._id }).lean<ProfileDoc>()
      )?.segments.sort(),
    ).toEqual([customers._id, vipOfCustomers._id].sort());
    await h.updateProfile(ws, p._id, { stage: 'lead' });
    await changed(ws, p._id);
    await h.waitEvent(ws, 'left', p._id, vipOfCustomers._id);
    await h.waitEvent(ws, 'left', p._id, customers._id);
  });

  it('does not lose a change that lands while the contact job runs (coalesced jobs)', async () => {
    const ws = newId();
    // Many segments, so that each job runs long enough for changes to land during it.
    const segs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.segment(ws, { name: `s${i}`, filter: { field: 'tags', op: 'has_any', value: ['vip'] } }),
      ),
    );
    const p = await h.insertProfile(ws, { tags: [] });
    for (let i = 0; i < 12; i++) {
      await h.updateProfile(ws, p._id, { tags: i % 2 === 0 ? ['vip'] : [] });
      await changed(ws, p._id);
    }
    // Last write: a member of every segment.
    await h.updateProfile(ws, p._id, { tags: ['vip'] });
    await changed(ws, p._id);
    await h.idle();
    await waitFor(
      async () =>
        (await h.edges().countDocuments({ workspaceId: ws, member: true })) === segs.length,
      {
        what: 'every segment to have the contact',
      },
    );
    const events = await h.stored(ws);
    for (const s of segs) {
      const mine = events.filter((e) => e.data.segmentId === s._id);
      // Alternating joins and leaves, ending on a join; each transition once.
      expect(mine.length % 2).toBe(1);
      mine.forEach((e, i) =>
        expect(e.type).toBe(i % 2 === 0 ? 'segment.member.joined' : 'segment.member.left'),
      );
      expect(new Set(mine.map((e) => e.id)).size).toBe(mine.length);
    }
  });

  it('applies an explicit request recorded while the contact job runs', async () => {
    const ws = newId();
    // The contact joins many segments by rule: its job runs long enough for the request to land
    // after the job read the explicit requests.
    const segs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.segment(ws, { name: `s${i}`, filter: { field: 'tags', op: 'has_any', value: ['vip'] } }),
      ),
    );
    const target = await h.segment(ws, { filter: { field: 'stage', op: 'eq', value: 'customer' } });
    const p = await h.insertProfile(ws, { tags: ['vip'], stage: 'lead' });
    await changed(ws, p._id);
    await h.waitEvent(ws, 'joined', p._id, segs[0]._id);
    // As the segments API records it and enqueues it: the coalesced job is running meanwhile.
    await h.setExplicit(ws, target._id, p._id, 'include');
    await h.queue.explicitChanged({ workspaceId: ws, contactId: p._id, reason: 'explicit' });
    const joined = await h.waitEvent(ws, 'joined', p._id, target._id);
    expect(joined.data.data.via).toBe('explicit');
    await h.idle();
    // Both jobs may publish a join (core NATS shows each publish); JetStream keeps one of each.
    const stored = (await h.stored(ws)).filter((e) => e.type === 'segment.member.joined');
    expect(stored).toHaveLength(segs.length + 1);
    expect(await h.edge(ws, target._id, p._id)).toMatchObject({ member: true, transitions: 1 });
  });

  it('applies an include recorded before the profile exists once the profile comes', async () => {
    const ws = newId();
    const seg = await h.segment(ws, { filter: { field: 'stage', op: 'eq', value: 'customer' } });
    const id = newId();
    await h.setExplicit(ws, seg._id, id, 'include');
    await h.queue.explicitChanged({ workspaceId: ws, contactId: id, reason: 'explicit' });
    await h.idle();
    // No profile, no member (nothing known to announce): the contact's first event decides.
    expect(await h.edge(ws, seg._id, id)).toBeNull();
    await h.insertProfile(ws, { _id: id, stage: 'lead' });
    await changed(ws, id);
    const joined = await h.waitEvent(ws, 'joined', id, seg._id);
    expect(joined.data.data).toMatchObject({ via: 'explicit', contactId: id });
    await h.idle();
    expect(await h.stored(ws)).toMatchObject([{ type: 'segment.member.joined' }]);
  });

  it('never crosses workspaces', async () => {
    const ws = newId();
    const other = newId();
    const seg = await h.segment(ws, { filter: { field: 'stage', op: 'eq', value: 'customer' } });
    const p = await h.insertProfile(other, { stage: 'customer' });
    // A job naming a contact of another workspace finds nothing in this one.
    await changed(ws, p._id);
    await changed(other, p._id);
    await h.idle();
    expect(await h.edges().countDocuments({ workspaceId: other })).toBe(0);
    expect(await h.edge(ws, seg._id, p._id)).toBeNull();
  });
});
