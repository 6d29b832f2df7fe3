import fc from 'fast-check';
import { compile, Filter, validate, type Profile } from '@switchboard/segment-dsl';
import { connectMongo, type mongoose } from '@switchboard/storage';
import { testNamespace } from '@switchboard/testing';
import {
  CUSTOM_FIELDS,
  NOW,
  exactCondition,
  filterArb,
  inexactCondition,
  profileArb,
} from './arbitraries';

// The compiled MongoDB filter and the JS predicate agree on real storage (FerretDB in CI, or
// MongoDB at MONGO_URL): exactly for exact compilations, as a superset otherwise.
const ns = testNamespace();
let conn: mongoose.Connection;
type Doc = Profile & { _id: string };

beforeAll(async () => {
  conn = await connectMongo({ url: ns.mongoUrl, dbName: ns.db('segment_dsl') });
});
afterAll(() => conn.close());

const collection = (name: string) => conn.db!.collection<Doc>(name);

async function store(name: string, profiles: Profile[]): Promise<void> {
  const c = collection(name);
  await c.deleteMany({});
  await c.insertMany(profiles.map((p) => ({ _id: p.contactId, ...p })));
}

async function mongoIds(name: string, filter: Filter): Promise<Set<string>> {
  const { mongo } = compile(filter, { now: NOW });
  const docs = await collection(name)
    .find(mongo ?? {}, { projection: { _id: 1 } })
    .toArray();
  return new Set(docs.map((d) => d._id));
}

function predicateIds(profiles: Profile[], filter: Filter): Set<string> {
  const { predicate } = compile(filter, { now: NOW });
  return new Set(profiles.filter((p) => predicate(p)).map((p) => p.contactId));
}

const sorted = (s: Set<string>) => [...s].sort();

function expectValid(filter: Filter): void {
  const result = validate(filter, { customFields: CUSTOM_FIELDS });
  expect(result).toEqual({ ok: true, filter });
  expect(Filter.safeParse(filter).success).toBe(true);
}

/** The corpus's seed is in the test title: replay a failure with SEGMENT_DSL_SEED. */
const SEED = Number(process.env.SEGMENT_DSL_SEED ?? Date.now() % 100_000);

describe(`predicate and MongoDB filter on real storage (corpus seed ${SEED})`, () => {
  const corpus: Profile[] = [];

  beforeAll(async () => {
    const sampled = fc.sample(
      fc.tuple(...Array.from({ length: 200 }, (_, i) => profileArb(`p${i}`))),
      {
        seed: SEED,
        numRuns: 1,
      },
    )[0];
    // Edge cases always present: nothing at all, explicit nulls everywhere, empty lists.
    const edges: Profile[] = [
      { contactId: 'bare' },
      {
        contactId: 'nulls',
        firstName: null,
        email: null,
        stage: null,
        ownerId: null,
        birthMonth: null,
        createdAt: null,
        lastTouchAt: null,
        custom: { note: null, score: null, renew: null, plan: null, interests: null, active: null },
      },
      {
        contactId: 'empties',
        tags: [],
        channels: [],
        custom: { interests: [] },
        fit: {},
        activity: {},
      },
    ];
    corpus.push(...sampled, ...edges);
    await store('corpus', corpus);
  });

  it('selects exactly the same profiles for exactly-compilable filters', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb(exactCondition), async (filter) => {
        expectValid(filter);
        expect(compile(filter, { now: NOW }).exact).toBe(true);
        expect(sorted(await mongoIds('corpus', filter))).toEqual(
          sorted(predicateIds(corpus, filter)),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('selects a superset when the compilation is inexact', async () => {
    const mixed = fc.oneof(
      { weight: 2, arbitrary: exactCondition },
      { weight: 1, arbitrary: inexactCondition },
    );
    await fc.assert(
      fc.asyncProperty(filterArb(mixed), async (filter) => {
        expectValid(filter);
        const { exact } = compile(filter, { now: NOW });
        const fromMongo = await mongoIds('corpus', filter);
        const truth = predicateIds(corpus, filter);
        for (const id of truth) expect(fromMongo.has(id)).toBe(true);
        if (exact) expect(sorted(fromMongo)).toEqual(sorted(truth));
      }),
      { numRuns: 60 },
    );
  });

  it('agrees on freshly generated profiles too', async () => {
    const batch = fc
      .array(fc.nat(), { minLength: 20, maxLength: 40 })
      .chain((keys) => fc.tuple(...keys.map((_, i) => profileArb(`q${i}`))));
    await fc.assert(
      fc.asyncProperty(
        batch,
        fc.array(filterArb(exactCondition), { minLength: 5, maxLength: 5 }),
        async (profiles, filters) => {
          await store('fresh', profiles);
          for (const filter of filters) {
            expect(sorted(await mongoIds('fresh', filter))).toEqual(
              sorted(predicateIds(profiles, filter)),
            );
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
