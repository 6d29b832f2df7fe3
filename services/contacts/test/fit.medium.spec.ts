import { RPC, type Contact, type ContactScoredV1 } from '@switchboard/contracts';
import { useLeadsHarness } from './support/leads-harness';

const h = useLeadsHarness();
const { ctx, err } = h;

const contactIn = (ws: string, input: Record<string, unknown>): Promise<Contact> =>
  h.rpc.call(RPC.contacts.create, ctx(ws), { displayName: 'Someone', ...input });

/** A product with one manual criterion (weight 1) and one derived (weight 3). */
const productIn = (ws: string, slug = 'crm_pro') =>
  h.rpc.call(RPC.contacts.createProduct, ctx(ws), {
    name: 'CRM Pro',
    slug,
    criteria: [
      { key: 'budget', label: 'Budget confirmed', weight: 1 },
      {
        key: 'segment',
        label: 'Customer on a paid plan',
        weight: 3,
        filter: {
          and: [
            { field: 'stage', op: 'eq', value: 'customer' },
            { field: 'custom.plan', op: 'in', value: ['pro', 'team'] },
          ],
        },
      },
    ],
  });

describe('products (rpc.contacts.fit.product.*)', () => {
  beforeAll(async () => {
    await h.rpc.call(RPC.contacts.createCustomField, ctx('ws-f1'), {
      entity: 'contact',
      slug: 'plan',
      label: 'Plan',
      type: 'select',
      options: ['free', 'pro', 'team'],
    });
  });

  it('stores criteria, manual and derived, and refuses a second product with the slug', async () => {
    const p = await productIn('ws-f1');
    expect(p.criteria).toEqual([
      { key: 'budget', label: 'Budget confirmed', weight: 1, how: 'manual', filter: null },
      expect.objectContaining({ key: 'segment', how: 'derived', weight: 3 }),
    ]);
    expect(await h.rpc.call(RPC.contacts.getProduct, ctx('ws-f1'), { id: p.id })).toEqual(p);
    const created = await h.event<{ product: unknown }>('product.created', p.id);
    expect(created.data.product).toEqual(p);
    const renamed = await h.rpc.call(RPC.contacts.updateProduct, ctx('ws-f1'), {
      id: p.id,
      patch: { name: 'CRM Pro 2' },
    });
    expect(renamed).toMatchObject({ name: 'CRM Pro 2', version: 2, criteria: p.criteria });
    const updated = await h.event<{ changes: string[] }>('product.updated', p.id);
    expect(updated.data.changes).toEqual(['name']);
    expect(await err(productIn('ws-f1'))).toMatchObject({
      code: 'conflict',
      details: { slug: 'crm_pro' },
    });
    // Another workspace has its own slugs and does not see this product.
    const same = await h.rpc.call(RPC.contacts.createProduct, ctx('ws-f1-other'), {
      name: 'CRM Pro elsewhere',
      slug: 'crm_pro',
      criteria: [{ key: 'budget', label: 'Budget', weight: 1 }],
    });
    expect(same.slug).toBe('crm_pro');
    expect(
      await err(h.rpc.call(RPC.contacts.getProduct, ctx('ws-f1-other'), { id: p.id })),
    ).toMatchObject({ code: 'not_found' });
  });

  it('checks derived filters like segment filters, with paths; refuses activity', async () => {
    const bad = await err(
      h.rpc.call(RPC.contacts.createProduct, ctx('ws-f1'), {
        name: 'Bad',
        slug: 'bad',
        criteria: [
          { key: 'a', label: 'A', weight: 1, filter: { field: 'custom.nope', op: 'eq', value: 1 } },
          {
            key: 'b',
            label: 'B',
            weight: 1,
            filter: { activity: 'email.opened', count: { gte: 3 }, within: { days: 30 } },
          },
          {
            key: 'c',
            label: 'C',
            weight: 1,
            filter: { field: 'custom.plan', op: 'eq', value: 'x' },
          },
        ],
      }),
    );
    expect(bad).toMatchObject({ code: 'validation_failed' });
    const paths = (bad as unknown as { errors: { path: string; code?: string }[] }).errors;
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'criteria.0.filter.field', code: 'unknown_custom_field' }),
        expect.objectContaining({ path: 'criteria.1.filter', code: 'op_not_allowed' }),
        expect.objectContaining({ path: 'criteria.2.filter.value', code: 'unknown_option' }),
      ]),
    );
  });
});

describe('assessments, ranking and review', () => {
  const ws = 'ws-f2';
  let product: Awaited<ReturnType<typeof productIn>>;
  let fits: Contact;
  let misfit: Contact;
  let middling: Contact;

  beforeAll(async () => {
    await h.rpc.call(RPC.contacts.createCustomField, ctx(ws), {
      entity: 'contact',
      slug: 'plan',
      label: 'Plan',
      type: 'select',
      options: ['free', 'pro', 'team'],
    });
    product = await productIn(ws);
    fits = await contactIn(ws, { stage: 'customer', customFields: { plan: 'pro' } });
    misfit = await contactIn(ws, { stage: 'customer', customFields: { plan: 'free' } });
    middling = await contactIn(ws, { stage: 'lead' });
  });

  it('derives criteria from the contact, weights the total, publishes contact.scored', async () => {
    const a = await h.rpc.call(RPC.contacts.assess, ctx(ws), {
      productId: product.id,
      contactId: fits.id,
      scores: { budget: 60 },
    });
    expect(a.scores).toEqual([
      { key: 'budget', label: 'Budget confirmed', weight: 1, how: 'manual', score: 60 },
      { key: 'segment', label: 'Customer on a paid plan', weight: 3, how: 'derived', score: 100 },
    ]);
    expect(a).toMatchObject({
      total: 90,
      productSlug: 'crm_pro',
      assessedBy: { type: 'user', id: 'admin-1' },
    });
    const other = await h.rpc.call(RPC.contacts.assess, ctx(ws), {
      productId: product.id,
      contactId: misfit.id,
      scores: { budget: 100 },
    });
    expect(other.scores[1]).toMatchObject({ key: 'segment', score: 0 });
    expect(other.total).toBe(25);
    const scored = await h.event<ContactScoredV1>('contact.scored', a.id);
    expect(scored.type).toBe('contact.scored');
    expect(scored.data).toEqual({
      contactId: fits.id,
      productId: product.id,
      productSlug: 'crm_pro',
      total: 90,
      assessmentId: a.id,
      assessedBy: { type: 'user', id: 'admin-1' },
    });
    const msg = await h.tap.waitFor((m) => m.data.id === scored.id);
    expect(msg.subject).toBe(`${h.ns.natsPrefix}crm.${ws}.contact.scored`);
  });

  it('refuses a missing manual score, a score for a derived criterion, another tenant', async () => {
    const missing = await err(
      h.rpc.call(RPC.contacts.assess, ctx(ws), { productId: product.id, contactId: fits.id }),
    );
    expect(missing).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'scores.budget' })],
    });
    const derived = await err(
      h.rpc.call(RPC.contacts.assess, ctx(ws), {
        productId: product.id,
        contactId: fits.id,
        scores: { budget: 1, segment: 100 },
      }),
    );
    expect(derived).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'scores.segment' })],
    });
    const foreign = await contactIn('ws-f2-other', { stage: 'customer' });
    expect(
      await err(
        h.rpc.call(RPC.contacts.assess, ctx(ws), {
          productId: product.id,
          contactId: foreign.id,
          scores: { budget: 1 },
        }),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await err(h.rpc.call(RPC.contacts.ranking, ctx('ws-f2-other'), { productId: product.id })),
    ).toMatchObject({ code: 'not_found' });
  });

  it('ranks by total with a cursor; review is set by a person; re-assessment keeps history', async () => {
    await h.rpc.call(RPC.contacts.assess, ctx(ws), {
      productId: product.id,
      contactId: middling.id,
      scores: { budget: 80 },
    });
    const first = await h.rpc.call(RPC.contacts.ranking, ctx(ws), {
      productId: product.id,
      limit: 2,
    });
    expect(first.items.map((e) => [e.contactId, e.total, e.review])).toEqual([
      [fits.id, 90, 'pending'],
      [misfit.id, 25, 'pending'],
    ]);
    const rest = await h.rpc.call(RPC.contacts.ranking, ctx(ws), {
      productId: product.id,
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(rest.items.map((e) => [e.contactId, e.total])).toEqual([[middling.id, 20]]);
    expect(rest.nextCursor).toBeNull();

    const reviewed = await h.rpc.call(RPC.contacts.review, ctx(ws, 'lead-reviewer'), {
      productId: product.id,
      contactId: fits.id,
      review: 'approved',
      note: 'good fit',
    });
    expect(reviewed).toMatchObject({
      review: 'approved',
      reviewedBy: { type: 'user', id: 'lead-reviewer' },
      reviewNote: 'good fit',
    });
    const reviewEvent = await h.tap.waitFor((m) => m.data.type === 'fit.reviewed');
    expect(reviewEvent.data.actor).toEqual({ type: 'user', id: 'lead-reviewer' });
    expect(reviewEvent.data.data).toMatchObject({
      contactId: fits.id,
      productSlug: 'crm_pro',
      review: 'approved',
      previous: 'pending',
      note: 'good fit',
    });
    const approved = await h.rpc.call(RPC.contacts.ranking, ctx(ws), {
      productId: product.id,
      review: 'approved',
    });
    expect(approved.items.map((e) => e.contactId)).toEqual([fits.id]);
    expect(
      await err(
        h.rpc.call(RPC.contacts.review, ctx(ws), {
          productId: product.id,
          contactId: 'never-assessed',
          review: 'rejected',
        }),
      ),
    ).toMatchObject({ code: 'not_found' });

    // The contact changes: a re-assessment derives 0 now, moves the ranking, needs a new review.
    await h.rpc.call(RPC.contacts.update, ctx(ws), {
      id: fits.id,
      patch: { customFields: { plan: 'free' } },
    });
    const again = await h.rpc.call(RPC.contacts.assess, ctx(ws, 'assessor-2'), {
      productId: product.id,
      contactId: fits.id,
      scores: { budget: 100 },
    });
    expect(again.total).toBe(25);
    const history = await h.rpc.call(RPC.contacts.listAssessments, ctx(ws), {
      productId: product.id,
      contactId: fits.id,
    });
    expect(history.items.map((x) => [x.total, x.assessedBy.id])).toEqual([
      [25, 'assessor-2'],
      [90, 'admin-1'],
    ]);
    const ranking = await h.rpc.call(RPC.contacts.ranking, ctx(ws), { productId: product.id });
    // Equal totals: the later contact first (ties go by entry id, descending).
    expect(ranking.items.map((e) => [e.contactId, e.total])).toEqual([
      [misfit.id, 25],
      [fits.id, 25],
      [middling.id, 20],
    ]);
    const entry = ranking.items.find((e) => e.contactId === fits.id)!;
    expect(entry).toMatchObject({
      assessmentId: again.id,
      assessments: 2,
      review: 'pending',
      reviewedBy: null,
    });
    const rescored = await h.event<ContactScoredV1>('contact.scored', again.id);
    expect(rescored.data).toMatchObject({ contactId: fits.id, total: 25 });
    expect(h.events('contact.scored', again.id)).toHaveLength(1);
  });
});
