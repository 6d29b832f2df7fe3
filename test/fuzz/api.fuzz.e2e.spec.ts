import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { http, SERVICES } from '@switchboard/testing';
import { fuzzOperation, type FuzzSettings } from './fuzz-run';
import { FuzzWorld } from './fuzz-world';
import { operationsOf, RequestArbitraries, type OpenApiDoc } from './requests';

/**
 * The fuzz suite (decision 76): requests generated from docs/openapi.json for every operation,
 * as every role of workspace A, an API key of each role, anonymous and forged credentials;
 * valid, boundary, mutated and transport-level hostile. One test per operation, grouped by tag.
 *
 * `pnpm test` runs a short seeded pass (FUZZ_SEED 76, FUZZ_RUNS 8 per operation); `pnpm fuzz`
 * runs longer with a fresh seed, printed first. Replay a failure with FUZZ_SEED=<seed> and
 * `-t '<operation>'`.
 */
const doc = JSON.parse(
  readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8'),
) as OpenApiDoc;
const operations = operationsOf(doc);
const settings: FuzzSettings = {
  seed: Number(process.env.FUZZ_SEED ?? 76),
  runs: Number(process.env.FUZZ_RUNS ?? 8),
  timeLimitMs: Number(process.env.FUZZ_TIME_LIMIT_MS ?? 10_000),
};
const testTimeout = Math.max(60_000, settings.timeLimitMs + 30_000);

let world: FuzzWorld;
let arbitraries: RequestArbitraries;

beforeAll(async () => {
  // The seed is what a failure is replayed with.
  console.log(`fuzz: FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs}`);
  const started = Date.now();
  world = await FuzzWorld.start();
  console.log(
    `fuzz: processes started in ${world.startedMs} ms, seeded in ${Date.now() - started - world.startedMs} ms`,
  );
  arbitraries = new RequestArbitraries(world, doc.components.schemas);
}, 180_000);

afterAll(async () => {
  await world?.stop();
});

// A process a previous operation brought down is started again, so that each operation's
// verdict is its own (the operation that brought it down has failed already).
beforeEach(async () => {
  await world?.restartDead();
}, 60_000);

const tags = [...new Set(operations.map((op) => op.tag))];

describe.each(tags)('fuzz %s', (tag) => {
  const ops = operations.filter((op) => op.tag === tag);
  it.each(ops.map((op) => [op.key, op] as const))(
    '%s',
    async (_key, op) => {
      const report = await fuzzOperation(world, arbitraries, op, settings);
      if (report) throw new Error(report);
    },
    testTimeout,
  );
});

describe('after the fuzzing', () => {
  it('every process still answers', async () => {
    const silent: string[] = [];
    for (const name of SERVICES) if (!(await world.answers(name))) silent.push(name);
    expect(silent).toEqual([]);
  });

  it("workspace B's records are as B left them", async () => {
    const kept = [
      'name',
      'displayName',
      'firstName',
      'lastName',
      'title',
      'body',
      'summary',
      'status',
      'ownerId',
      'assigneeId',
      'tags',
      'role',
      'stageId',
      'email',
      'archivedAt',
      'deletedAt',
    ];
    const changed: string[] = [];
    for (const [path, before] of world.bSnapshot) {
      const now = await http<Record<string, unknown>>(world.url, 'GET', path, {
        token: world.b.accessToken,
      });
      if (now.status !== 200) {
        changed.push(`${path}: now ${now.status}`);
        continue;
      }
      for (const key of kept)
        if (JSON.stringify(before[key]) !== JSON.stringify(now.body[key]))
          changed.push(
            `${path}: ${key} ${JSON.stringify(before[key])} → ${JSON.stringify(now.body[key])}`,
          );
    }
    expect(changed).toEqual([]);
  });
});
