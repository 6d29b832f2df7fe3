import { type NatsConnection } from 'nats';
import type {
  Assessment,
  Contact,
  ConvertLeadResult,
  EventEnvelope,
  Lead,
  Page,
  Product,
  RankingEntry,
  Session,
  TimelineEntry,
} from '@switchboard/contracts';
import {
  http,
  NatsTap,
  newContact,
  Platform,
  signUp,
  testNamespace,
  waitFor,
} from '@switchboard/testing';

/**
 * Leads and fit as clients see them: a form integration captures leads with an API key, a team
 * qualifies and converts them (new contact and attach-to-existing), assesses contacts for a
 * product and reviews the ranking; events observed on plain NATS like an outside consumer; the
 * fit total is usable in a segment filter (segments preview over the projection).
 */
const ns = testNamespace();
let platform: Platform;
let nc: NatsConnection;
let alice: Session;
let bob: Session;
let member: Session;
let formKey: string;
let tap: NatsTap<EventEnvelope>;

const call = <T>(token: string, method: string, path: string, body?: unknown) =>
  http<T>(platform.gatewayUrl, method, path, { token, body });

async function invite(owner: Session, role: string): Promise<Session> {
  const email = `${role}-${Date.now()}@example.com`;
  const inv = await call<{ token: string }>(owner.accessToken, 'POST', '/v1/invitations', {
    email,
    role,
  });
  expect(inv.status).toBe(201);
  const res = await http<Session>(platform.gatewayUrl, 'POST', '/v1/auth/accept-invitation', {
    body: { token: inv.body.token, password: 'correct horse battery staple', name: role },
  });
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  // Assigned before the processes start, so afterAll stops those that did when another fails.
  platform = new Platform(ns);
  await Promise.all(
    (['gateway', 'contacts', 'activity', 'segments'] as const).map((s) => platform.startOne(s)),
  );
  nc = await ns.natsConnect();
  [alice, bob] = await Promise.all([signUp(platform.gatewayUrl), signUp(platform.gatewayUrl)]);
  member = await invite(alice, 'member');
  tap = await NatsTap.open<EventEnvelope>(nc, `${ns.natsPrefix}crm.${alice.workspace.id}.>`);
  const key = await call<{ key: string }>(alice.accessToken, 'POST', '/v1/api-keys', {
    name: 'website form',
    role: 'member',
  });
  expect(key.status).toBe(201);
  formKey = key.body.key;
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

const capture = (body: Record<string, unknown>) =>
  call<Lead>(formKey, 'POST', '/v1/leads', { source: 'website', formId: 'contact-us', ...body });

describe('leads end to end', () => {
  it('captures with an API key, round-robins, qualifies and converts (new and existing)', async () => {
    const set = await call(alice.accessToken, 'PATCH', '/v1/settings/leads', {
      roundRobin: [alice.user.id, member.user.id],
    });
    expect(set.status).toBe(200);

    const bad = await capture({ firstName: 'No', phone: 'not a phone' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ code: 'validation_failed' });

    const first = await capture({
      firstName: 'Linus',
      lastName: 'Torvalds',
      email: 'linus@kernel.example',
      tags: ['vip'],
      utm: { source: 'ads', campaign: 'winter' },
      consent: { given: true, ip: '192.0.2.10' },
    });
    const second = await capture({ displayName: 'Known Person', email: 'known@e2e.example' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect([first.body.assigneeId, second.body.assigneeId]).toEqual([
      alice.user.id,
      member.user.id,
    ]);
    expect(first.body.capture).toMatchObject({
      utm: { source: 'ads', campaign: 'winter' },
      consent: { given: true, ip: '192.0.2.10', source: 'contact-us' },
      by: { type: 'api_key' },
    });

    const mine = await call<Page<Lead>>(member.accessToken, 'GET', '/v1/leads?assigneeId=me');
    expect(mine.body.items.map((l) => l.id)).toEqual([second.body.id]);
    // The member works its own lead only (scope own).
    const notMine = await call(member.accessToken, 'PATCH', `/v1/leads/${first.body.id}`, {
      status: 'working',
    });
    expect(notMine.status).toBe(403);
    // Another workspace sees nothing of it.
    expect((await call(bob.accessToken, 'GET', `/v1/leads/${first.body.id}`)).status).toBe(404);

    const early = await call(alice.accessToken, 'POST', `/v1/leads/${first.body.id}/convert`);
    expect(early.status).toBe(409);
    const q = await call<Lead>(alice.accessToken, 'PATCH', `/v1/leads/${first.body.id}`, {
      status: 'qualified',
    });
    expect(q.body.status).toBe('qualified');
    const converted = await call<ConvertLeadResult>(
      alice.accessToken,
      'POST',
      `/v1/leads/${first.body.id}/convert`,
    );
    expect(converted.status).toBe(200);
    expect(converted.body).toMatchObject({ created: true, lead: { status: 'converted' } });
    const contact = await call<Contact>(
      alice.accessToken,
      'GET',
      `/v1/contacts/${converted.body.contactId}`,
    );
    expect(contact.body).toMatchObject({
      displayName: 'Linus Torvalds',
      leadId: first.body.id,
      source: 'website',
      tags: ['vip'],
      ownerId: alice.user.id,
    });
    expect(contact.body.channels[0]).toMatchObject({
      value: 'linus@kernel.example',
      consent: { ip: '192.0.2.10', source: 'contact-us' },
    });
    const frozen = await call(alice.accessToken, 'PATCH', `/v1/leads/${first.body.id}`, {
      status: 'working',
    });
    expect(frozen.status).toBe(409);

    // The second lead's email belongs to a contact already: conversion attaches to it.
    const known = await newContact(platform.gatewayUrl, alice.accessToken, {
      firstName: 'Known',
      lastName: 'Person',
      channels: [{ type: 'email', value: 'known@e2e.example' }],
    });
    await call(member.accessToken, 'PATCH', `/v1/leads/${second.body.id}`, { status: 'qualified' });
    const attached = await call<ConvertLeadResult>(
      member.accessToken,
      'POST',
      `/v1/leads/${second.body.id}/convert`,
    );
    expect(attached.body).toMatchObject({ contactId: known.id, created: false });

    for (const [type, id] of [
      ['lead.created', first.body.id],
      ['lead.qualified', first.body.id],
      ['lead.converted', first.body.id],
      ['lead.converted', second.body.id],
    ]) {
      await tap.waitFor((m) => m.data.type === type && m.data.aggregate.id === id);
    }
    const conversion = tap.messages.find(
      (m) => m.data.type === 'lead.converted' && m.data.aggregate.id === second.body.id,
    )!;
    expect(conversion.subject).toBe(`${ns.natsPrefix}crm.${alice.workspace.id}.lead.converted`);
    expect(conversion.data.data).toMatchObject({ contactId: known.id, created: false });
  });
});

describe('fit end to end', () => {
  it('ranks contacts by fit with review and history, files "profile scored", feeds segments', async () => {
    const product = await call<Product>(alice.accessToken, 'POST', '/v1/products', {
      name: 'Enterprise plan',
      slug: 'enterprise',
      criteria: [
        { key: 'budget', label: 'Budget', weight: 1 },
        {
          key: 'vip',
          label: 'Tagged vip',
          weight: 1,
          filter: { field: 'tags', op: 'has_any', value: ['vip'] },
        },
      ],
    });
    expect(product.status).toBe(201);
    const pid = product.body.id;
    const badFilter = await call<{ code: string; errors: { path: string }[] }>(
      alice.accessToken,
      'POST',
      '/v1/products',
      {
        name: 'Bad',
        slug: 'bad',
        criteria: [
          { key: 'x', label: 'X', weight: 1, filter: { field: 'nope', op: 'eq', value: 1 } },
        ],
      },
    );
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors[0].path).toBe('criteria.0.filter.field');

    const vip = await newContact(platform.gatewayUrl, alice.accessToken, { tags: ['vip'] });
    const plain = await newContact(platform.gatewayUrl, alice.accessToken);
    const assess = (contactId: string, budget: number) =>
      call<Assessment>(alice.accessToken, 'POST', `/v1/products/${pid}/assessments`, {
        contactId,
        scores: { budget },
      });
    const a1 = await assess(vip.id, 40);
    const a2 = await assess(plain.id, 90);
    expect([a1.status, a2.status]).toEqual([201, 201]);
    expect([a1.body.total, a2.body.total]).toEqual([70, 45]);
    // A re-assessment (the budget fell through) is added to the history; members may not assess.
    expect((await assess(vip.id, 1)).status).toBe(201);
    const byMember = await call(member.accessToken, 'POST', `/v1/products/${pid}/assessments`, {
      contactId: vip.id,
      scores: { budget: 100 },
    });
    expect(byMember.status).toBe(403);

    const ranking = await call<Page<RankingEntry>>(
      member.accessToken,
      'GET',
      `/v1/products/${pid}/ranking?limit=1`,
    );
    expect(ranking.body.items.map((e) => [e.contactId, e.total, e.assessments])).toEqual([
      [vip.id, 50.5, 2],
    ]);
    const next = await call<Page<RankingEntry>>(
      member.accessToken,
      'GET',
      `/v1/products/${pid}/ranking?limit=1&cursor=${ranking.body.nextCursor}`,
    );
    expect(next.body.items.map((e) => [e.contactId, e.total])).toEqual([[plain.id, 45]]);
    const review = await call<RankingEntry>(
      alice.accessToken,
      'PATCH',
      `/v1/products/${pid}/ranking/${plain.id}`,
      { review: 'approved' },
    );
    expect(review.body).toMatchObject({ review: 'approved', reviewedBy: { id: alice.user.id } });
    const history = await call<Page<Assessment>>(
      alice.accessToken,
      'GET',
      `/v1/products/${pid}/assessments?contactId=${vip.id}`,
    );
    expect(history.body.items.map((a) => a.total)).toEqual([50.5, 70]);
    expect((await call(bob.accessToken, 'GET', `/v1/products/${pid}/ranking`)).status).toBe(404);

    // The timeline files the assessment as "profile scored".
    const timeline = await waitFor(async () => {
      const res = await call<Page<TimelineEntry>>(
        alice.accessToken,
        'GET',
        `/v1/contacts/${plain.id}/timeline`,
      );
      return res.body.items.find((e) => e.type === 'contact.scored');
    });
    expect(timeline.summary).toBe('Profile scored 45 for enterprise');

    // The fit total is usable in segment filters: fit.enterprise < 46 → only the plain contact.
    const preview = await waitFor(
      async () => {
        const res = await call<{ count: number; sample: { contactId?: string; id?: string }[] }>(
          alice.accessToken,
          'POST',
          '/v1/segments/preview',
          { filter: { field: 'fit.enterprise', op: 'lt', value: 46 } },
        );
        return res.status === 200 && res.body.count === 1 ? res.body : undefined;
      },
      { timeoutMs: 20_000, what: 'fit.enterprise in the segments projection' },
    );
    expect(JSON.stringify(preview.sample)).toContain(plain.id);
  });
});
