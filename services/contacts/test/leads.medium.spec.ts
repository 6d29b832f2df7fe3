import { CAPABILITIES, RPC, type Contact, type Lead } from '@switchboard/contracts';
import { useLeadsHarness } from './support/leads-harness';

const h = useLeadsHarness();
const { ctx, err } = h;

const form = {
  firstName: 'Grace',
  lastName: 'Hopper',
  email: 'Grace@Navy.example',
  phone: '+1 202 555 0143',
  companyName: 'US Navy',
  tags: ['webinar'],
  fields: { interest: 'compilers', seats: 12, newsletter: true },
  source: 'website',
  formId: 'form-demo',
  utm: { source: 'newsletter', medium: 'email', campaign: 'spring' },
  consent: { given: true, at: '2026-11-01T10:00:00.000Z', ip: '203.0.113.7', text: 'Yes, mail me' },
};

const qualify = (ws: string, id: string) =>
  h.rpc.call(RPC.contacts.updateLead, ctx(ws), { id, patch: { status: 'qualified' } });

describe('lead capture (rpc.contacts.lead.capture)', () => {
  it('keeps the capture as it arrived and publishes lead.created', async () => {
    const lead = await h.capture('ws-l1', form);
    expect(lead).toMatchObject({
      status: 'new',
      displayName: 'Grace Hopper',
      email: 'grace@navy.example',
      phone: '+12025550143',
      source: 'website',
      formId: 'form-demo',
      assigneeId: null,
      conversion: null,
      version: 1,
    });
    expect(lead.capture).toEqual({
      fields: {
        firstName: 'Grace',
        lastName: 'Hopper',
        email: 'Grace@Navy.example',
        phone: '+1 202 555 0143',
        companyName: 'US Navy',
        tags: ['webinar'],
        fields: { interest: 'compilers', seats: 12, newsletter: true },
      },
      source: 'website',
      formId: 'form-demo',
      utm: { source: 'newsletter', medium: 'email', campaign: 'spring' },
      consent: {
        given: true,
        at: '2026-11-01T10:00:00.000Z',
        source: 'form-demo',
        ip: '203.0.113.7',
        text: 'Yes, mail me',
      },
      receivedAt: lead.createdAt,
      by: { type: 'api_key', id: 'form-key' },
    });
    expect(await h.rpc.call(RPC.contacts.getLead, ctx('ws-l1'), { id: lead.id })).toEqual(lead);
    const created = await h.event<{ lead: Lead }>('lead.created', lead.id);
    expect(created.data.lead).toEqual(lead);
    expect(created.actor).toEqual({ type: 'api_key', id: 'form-key' });
  });

  it('refuses a capture without a name or channel, and a bad phone, with field paths', async () => {
    const empty = await err(h.capture('ws-l1', { source: 'website' }));
    expect(empty).toMatchObject({ code: 'validation_failed' });
    const phone = await err(
      h.capture('ws-l1', { email: 'x@y.example', phone: '12', source: 'web' }),
    );
    expect(phone).toMatchObject({ code: 'validation_failed' });
    expect(JSON.stringify(phone)).toContain('phone');
  });

  it('lists newest first with filters and a cursor, scoped to the workspace', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const l = await h.capture('ws-l2', {
        email: `p${i}@list.example`,
        source: i % 2 === 0 ? 'event' : 'website',
      });
      ids.push(l.id);
    }
    await h.capture('ws-l2-other', { email: 'p0@list.example', source: 'event' });
    const first = await h.rpc.call(RPC.contacts.listLeads, ctx('ws-l2'), { limit: 2 });
    expect(first.items.map((l) => l.id)).toEqual([ids[4], ids[3]]);
    const second = await h.rpc.call(RPC.contacts.listLeads, ctx('ws-l2'), {
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((l) => l.id)).toEqual([ids[2], ids[1]]);
    const events = await h.rpc.call(RPC.contacts.listLeads, ctx('ws-l2'), { source: 'event' });
    expect(events.items.map((l) => l.id)).toEqual([ids[4], ids[2], ids[0]]);
    const byEmail = await h.rpc.call(RPC.contacts.listLeads, ctx('ws-l2'), {
      email: 'P3@list.example',
    });
    expect(byEmail.items.map((l) => l.id)).toEqual([ids[3]]);
  });
});

describe('lead workflow (rpc.contacts.lead.update)', () => {
  it('moves new → working → qualified with history and lead.qualified', async () => {
    const lead = await h.capture('ws-w1', { email: 'w1@flow.example', source: 'website' });
    await h.rpc.call(RPC.contacts.updateLead, ctx('ws-w1'), {
      id: lead.id,
      patch: { status: 'working' },
    });
    const q = await qualify('ws-w1', lead.id);
    expect(q).toMatchObject({ status: 'qualified', version: 3 });
    expect(q.statusHistory.map((t) => [t.from, t.to])).toEqual([
      [null, 'new'],
      ['new', 'working'],
      ['working', 'qualified'],
    ]);
    const qualified = await h.event<{ lead: Lead }>('lead.qualified', lead.id);
    expect(qualified.data.lead).toMatchObject({ id: lead.id, status: 'qualified', version: 3 });
    expect(h.events('lead.qualified', lead.id)).toHaveLength(1);
  });

  it('disqualifies with a reason, refuses moves the workflow does not have', async () => {
    const lead = await h.capture('ws-w2', { email: 'w2@flow.example', source: 'website' });
    const noReason = await err(
      h.rpc.call(RPC.contacts.updateLead, ctx('ws-w2'), {
        id: lead.id,
        patch: { status: 'disqualified' },
      }),
    );
    expect(noReason).toMatchObject({ code: 'validation_failed' });
    const d = await h.rpc.call(RPC.contacts.updateLead, ctx('ws-w2'), {
      id: lead.id,
      patch: { status: 'disqualified', reason: 'student, no budget' },
    });
    expect(d).toMatchObject({ status: 'disqualified', reason: 'student, no budget' });
    const jump = await err(qualify('ws-w2', lead.id));
    expect(jump).toMatchObject({ code: 'conflict', details: { from: 'disqualified' } });
    const convert = await err(h.rpc.call(RPC.contacts.convertLead, ctx('ws-w2'), { id: lead.id }));
    expect(convert).toMatchObject({ code: 'conflict' });
  });

  it('assigns with the ownership rule: scope own takes only itself and its own leads', async () => {
    const lead = await h.capture('ws-w3', { email: 'w3@flow.example', source: 'website' });
    const other = await err(
      h.rpc.call(RPC.contacts.updateLead, ctx('ws-w3', 'rep-1', 'own'), {
        id: lead.id,
        patch: { assigneeId: 'rep-2' },
      }),
    );
    expect(other).toMatchObject({ code: 'forbidden' });
    const mine = await h.rpc.call(RPC.contacts.updateLead, ctx('ws-w3', 'rep-1', 'own'), {
      id: lead.id,
      patch: { assigneeId: 'rep-1' },
    });
    expect(mine.assignments).toEqual([
      expect.objectContaining({ assigneeId: 'rep-1', how: 'manual' }),
    ]);
    const notMine = await err(
      h.rpc.call(RPC.contacts.updateLead, ctx('ws-w3', 'rep-2', 'own'), {
        id: lead.id,
        patch: { status: 'working' },
      }),
    );
    expect(notMine).toMatchObject({ code: 'forbidden' });
  });

  it('is tenant-scoped: another workspace gets not_found for every route', async () => {
    const lead = await h.capture('ws-t1', { email: 't1@tenant.example', source: 'website' });
    for (const call of [
      () => h.rpc.call(RPC.contacts.getLead, ctx('ws-t2'), { id: lead.id }),
      () => qualify('ws-t2', lead.id),
      () => h.rpc.call(RPC.contacts.convertLead, ctx('ws-t2'), { id: lead.id }),
    ]) {
      expect(await err(call())).toMatchObject({ code: 'not_found' });
    }
    const list = await h.rpc.call(RPC.contacts.listLeads, ctx('ws-t2'), {});
    expect(list.items).toEqual([]);
    expect((await h.stored('leads', lead.id))?.status).toBe('new');
  });
});

describe('round-robin assignment', () => {
  it('assigns new leads in turn among the configured set, none twice in a row', async () => {
    const settings = await h.rpc.call(RPC.contacts.updateLeadSettings, ctx('ws-rr'), {
      roundRobin: ['rep-a', 'rep-b', 'rep-c'],
    });
    expect(settings.roundRobin).toEqual(['rep-a', 'rep-b', 'rep-c']);
    const changed = await h.event<{ roundRobin: string[]; previous: string[] }>(
      'lead_settings.updated',
      'ws-rr',
    );
    expect(changed.data).toEqual({ roundRobin: ['rep-a', 'rep-b', 'rep-c'], previous: [] });
    const sequential: string[] = [];
    for (let i = 0; i < 4; i++) {
      const l = await h.capture('ws-rr', { email: `rr${i}@rr.example`, source: 'website' });
      sequential.push(l.assigneeId!);
      expect(l.assignments).toEqual([
        expect.objectContaining({ assigneeId: l.assigneeId, how: 'round_robin' }),
      ]);
    }
    expect(sequential).toEqual(['rep-a', 'rep-b', 'rep-c', 'rep-a']);
    // A refused capture takes no turn.
    const refused = await err(
      h.capture('ws-rr', { email: 'bad@rr.example', phone: '1', source: 'web' }),
    );
    expect(refused).toMatchObject({ code: 'validation_failed' });
    const nextOne = await h.capture('ws-rr', { email: 'after@rr.example', source: 'website' });
    expect(nextOne.assigneeId).toBe('rep-b');
    // Six captures at once (from rep-c on): every member gets exactly two (no turn taken twice).
    const settled = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        h.capture('ws-rr', { email: `c${i}@rr.example`, source: 'website' }),
      ),
    );
    const leads = settled.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    });
    const counts = new Map<string, number>();
    for (const l of leads) counts.set(l.assigneeId!, (counts.get(l.assigneeId!) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 'rep-a': 2, 'rep-b': 2, 'rep-c': 2 });
    // An explicit assignee wins over the set; another workspace has no set.
    const explicit = await h.capture('ws-rr', {
      email: 'x@rr.example',
      source: 'website',
      assigneeId: 'rep-z',
    });
    expect(explicit.assigneeId).toBe('rep-z');
    const elsewhere = await h.capture('ws-rr-2', { email: 'y@rr.example', source: 'website' });
    expect(elsewhere.assigneeId).toBeNull();
  });
});

describe('conversion (rpc.contacts.lead.convert)', () => {
  it('creates a contact from a qualified lead: source, tags, consent, leadId; lead frozen', async () => {
    const lead = await h.capture('ws-c1', { ...form, assigneeId: 'rep-1' });
    await qualify('ws-c1', lead.id);
    const res = await h.rpc.call(RPC.contacts.convertLead, ctx('ws-c1'), { id: lead.id });
    expect(res).toMatchObject({ created: true, lead: { status: 'converted' } });
    expect(res.lead.conversion).toMatchObject({ contactId: res.contactId, created: true });
    const contact = await h.rpc.call(RPC.contacts.get, ctx('ws-c1'), { id: res.contactId });
    expect(contact).toMatchObject({
      firstName: 'Grace',
      lastName: 'Hopper',
      source: 'website',
      leadSource: 'website',
      tags: ['webinar'],
      leadId: lead.id,
      ownerId: 'rep-1',
    });
    expect(contact.channels).toEqual([
      expect.objectContaining({
        type: 'email',
        value: 'grace@navy.example',
        subscribed: true,
        consent: expect.objectContaining({
          status: 'opted_in',
          at: '2026-11-01T10:00:00.000Z',
          optInAt: '2026-11-01T10:00:00.000Z',
          source: 'form-demo',
          ip: '203.0.113.7',
        }) as unknown,
      }),
      expect.objectContaining({ type: 'phone', value: '+12025550143', subscribed: true }),
    ]);
    const converted = await h.event<{ contactId: string; created: boolean }>(
      'lead.converted',
      lead.id,
    );
    expect(converted.data).toMatchObject({ contactId: res.contactId, created: true });
    await h.event('contact.created', res.contactId);

    // Converting again answers the same; the lead no longer changes, whatever the contact does.
    const again = await h.rpc.call(RPC.contacts.convertLead, ctx('ws-c1'), { id: lead.id });
    expect(again.contactId).toBe(res.contactId);
    expect(await err(qualify('ws-c1', lead.id))).toMatchObject({ code: 'conflict' });
    await h.rpc.call(RPC.contacts.update, ctx('ws-c1'), {
      id: res.contactId,
      patch: { firstName: 'Amazing Grace', tags: ['vip'] },
    });
    const after = await h.rpc.call(RPC.contacts.getLead, ctx('ws-c1'), { id: lead.id });
    expect(after).toEqual(res.lead);
    expect(h.events('lead.converted', lead.id)).toHaveLength(1);
  });

  it('attaches to the contact the dedup rule finds instead of creating one', async () => {
    const existing: Contact = await h.rpc.call(RPC.contacts.create, ctx('ws-c2'), {
      lastName: 'Known',
      channels: [{ type: 'email', value: 'known@dedup.example' }],
      tags: ['customer'],
    });
    const lead = await h.capture('ws-c2', {
      firstName: 'Kim',
      lastName: 'Other',
      email: 'KNOWN@dedup.example',
      tags: ['trade-show'],
      source: 'event',
      consent: { given: true, ip: '198.51.100.4' },
    });
    await qualify('ws-c2', lead.id);
    const res = await h.rpc.call(RPC.contacts.convertLead, ctx('ws-c2'), { id: lead.id });
    expect(res).toMatchObject({ contactId: existing.id, created: false });
    const contact = await h.rpc.call(RPC.contacts.get, ctx('ws-c2'), { id: existing.id });
    expect(contact).toMatchObject({
      firstName: 'Kim',
      lastName: 'Known',
      leadId: lead.id,
      tags: expect.arrayContaining(['customer', 'trade-show']),
      version: 2,
    });
    expect(contact.channels[0]).toMatchObject({
      subscribed: true,
      consent: { source: 'event', ip: '198.51.100.4' },
    });
    const updated = await h.tap.waitFor(
      (m) => m.data.type === 'contact.updated' && m.data.aggregate.id === existing.id,
    );
    expect(JSON.stringify(updated.data.data)).toContain('leadId');
    const total = await h.db.collection('contacts').countDocuments({ workspaceId: 'ws-c2' });
    expect(total).toBe(1);
  });

  it('finishes a conversion interrupted between the contact and the lead write', async () => {
    const lead = await h.capture('ws-c3', { email: 'crash@conv.example', source: 'website' });
    await qualify('ws-c3', lead.id);
    const first = await h.rpc.call(RPC.contacts.convertLead, ctx('ws-c3'), { id: lead.id });
    // As if the process died after step 1: the lead is still qualified, the contact exists.
    await h.relayed('leads', lead.id);
    await h.db
      .collection<{ _id: string }>('leads')
      .updateOne({ _id: lead.id }, { $set: { status: 'qualified', conversion: null } });
    const retry = await h.rpc.call(RPC.contacts.convertLead, ctx('ws-c3'), { id: lead.id });
    expect(retry).toMatchObject({ contactId: first.contactId, created: true });
    const contacts = await h.db.collection('contacts').find({ workspaceId: 'ws-c3' }).toArray();
    expect(contacts.map((c) => c._id)).toEqual([first.contactId]);
    expect(h.events('contact.created', first.contactId)).toHaveLength(1);
  });
});

describe('conversion with the caller’s rights (issue 13)', () => {
  const member = (ws: string, capabilities?: string[]) =>
    h.context(ws, 'member-1', 'own', capabilities);

  it('refuses to attach a lead to a contact the caller may not write, writing nothing', async () => {
    const ws = 'ws-r1';
    const theirs: Contact = await h.rpc.call(RPC.contacts.create, ctx(ws), {
      lastName: 'Owned',
      channels: [{ type: 'email', value: 'owned@rights.example' }],
      ownerId: 'owner-1',
    });
    const lead = await h.capture(ws, {
      firstName: 'Mallory',
      email: 'owned@rights.example',
      tags: ['planted'],
      source: 'website',
    });
    await qualify(ws, lead.id);
    const refused = await err(h.rpc.call(RPC.contacts.convertLead, member(ws), { id: lead.id }));
    expect(refused).toMatchObject({ code: 'forbidden' });
    const contact = await h.rpc.call(RPC.contacts.get, ctx(ws), { id: theirs.id });
    expect(contact).toEqual(theirs);
    expect(await h.rpc.call(RPC.contacts.getLead, ctx(ws), { id: lead.id })).toMatchObject({
      status: 'qualified',
    });
    // Who may write the contact converts it as before.
    await expect(
      h.rpc.call(RPC.contacts.convertLead, ctx(ws), { id: lead.id }),
    ).resolves.toMatchObject({ contactId: theirs.id, created: false });
  });

  it('needs contacts.tag to add the lead’s tags, on attach and on create', async () => {
    const ws = 'ws-r2';
    const noTag = CAPABILITIES.filter((c) => c !== 'contacts.tag');
    const mine: Contact = await h.rpc.call(RPC.contacts.create, ctx(ws), {
      lastName: 'Pool',
      channels: [{ type: 'email', value: 'pool@rights.example' }],
    });
    const attach = await h.capture(ws, {
      email: 'pool@rights.example',
      tags: ['webinar'],
      source: 'website',
    });
    const fresh = await h.capture(ws, {
      email: 'new@rights.example',
      tags: ['webinar'],
      source: 'website',
    });
    for (const lead of [attach, fresh]) {
      await qualify(ws, lead.id);
      const refused = await err(
        h.rpc.call(RPC.contacts.convertLead, member(ws, noTag), { id: lead.id }),
      );
      expect(refused).toMatchObject({ code: 'forbidden', details: { capability: 'contacts.tag' } });
    }
    expect(await h.rpc.call(RPC.contacts.get, ctx(ws), { id: mine.id })).toEqual(mine);
    expect(await h.db.collection('contacts').countDocuments({ workspaceId: ws })).toBe(1);
    // With the capability, both convert.
    for (const lead of [attach, fresh]) {
      await expect(
        h.rpc.call(RPC.contacts.convertLead, member(ws), { id: lead.id }),
      ).resolves.toMatchObject({ lead: { status: 'converted' } });
    }
  });

  it('dates capture consent by the server: a future `at` cannot outrank a later unsubscribe', async () => {
    const ws = 'ws-r3';
    const lead = await h.capture(ws, {
      email: 'later@consent.example',
      source: 'website',
      consent: { given: true, at: '2099-01-01T00:00:00.000Z' },
    });
    const stored = await h.rpc.call(RPC.contacts.getLead, ctx(ws), { id: lead.id });
    expect(Date.parse(stored.capture.consent!.at)).toBeLessThanOrEqual(
      Date.parse(stored.capture.receivedAt),
    );
    // The person unsubscribes after the capture, on a contact that already has the address.
    const contact: Contact = await h.rpc.call(RPC.contacts.create, ctx(ws), {
      lastName: 'Later',
      channels: [{ type: 'email', value: 'later@consent.example' }],
    });
    // After the capture was received, whenever the conversion below runs (no race with the clock).
    const unsubscribedAt = new Date(Date.parse(stored.capture.receivedAt) + 1).toISOString();
    // Raw writes wait for the relay: on FerretDB its outbox update would overwrite them.
    await h.relayed('contacts', contact.id);
    await h.relayed('leads', lead.id);
    await h.db
      .collection('contacts')
      .updateOne(
        { _id: contact.id as never },
        { $set: { 'channels.0.subscribed': false, 'channels.0.consent': { unsubscribedAt } } },
      );
    // A lead stored before capture times were bounded (its `at` in 2099) is bounded at conversion.
    await h.db
      .collection('leads')
      .updateOne(
        { _id: lead.id as never },
        { $set: { 'capture.consent.at': new Date('2099-01-01T00:00:00.000Z') } },
      );
    await qualify(ws, lead.id);
    await h.rpc.call(RPC.contacts.convertLead, ctx(ws), { id: lead.id });
    const after = await h.rpc.call(RPC.contacts.get, ctx(ws), { id: contact.id });
    expect(after.channels[0]).toMatchObject({ subscribed: false, consent: { unsubscribedAt } });
  });
});
