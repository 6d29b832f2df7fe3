import { QUEUES, type Session } from '@switchboard/contracts';
import type { RunningService } from '@switchboard/runtime';
import { http, startInProcess, TEST_JWT_SECRET } from '@switchboard/testing';
import { serializeAuthRoot } from '@switchboard/nats-auth';
import { gatewayService } from '../src/app.module';
import { GatewayConfig } from '../src/config';
import { GatewayHarness } from './support/gateway-harness';

/**
 * bull-board at /admin/queues (decision 0141): every tenant's jobs, so only owners of the
 * operators' workspaces (OPS_WORKSPACE_IDS) get it; anyone else a problem, never the board.
 */
let h: GatewayHarness;
let ops: RunningService;
let operator: Session;
let stranger: Session;

beforeAll(async () => {
  h = await GatewayHarness.start();
  [operator, stranger] = await Promise.all([h.signUp(), h.signUp()]);
  // A second gateway over the same stores, told which workspace is the operators'.
  ops = await startInProcess(h.ns, 'gateway', GatewayConfig, gatewayService, {
    JWT_SECRET: TEST_JWT_SECRET,
    NATS_AUTH_ROOT: serializeAuthRoot(h.ns.natsAuth),
    OPS_WORKSPACE_IDS: operator.workspace.id,
  });
});
afterAll(async () => {
  await ops?.stop();
  await h?.stop();
});

type Problem = { code: string };
const get = (path: string, token?: string) =>
  http<Problem>(ops.url, 'GET', path, token ? { token } : {});

describe('the queue dashboard', () => {
  it("answers the operators' owner with the board and its queues", async () => {
    const page = await get('/admin/queues', operator.accessToken);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const api = await http<{ queues: { name: string; readOnlyMode: boolean }[] }>(
      ops.url,
      'GET',
      '/admin/queues/api/queues',
      { token: operator.accessToken },
    );
    expect(api.status).toBe(200);
    // Every queue the contracts name (segment-evaluation, task-reminders, contact-imports, …).
    expect(api.body.queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUES).sort());
    expect(api.body.queues.map((q) => q.name)).toContain(QUEUES.segmentEvaluation);
    expect(api.body.queues.every((q) => q.readOnlyMode)).toBe(true);
  });

  it('refuses anonymous callers with 401 problems', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const res = await get(path);
      expect([path, res.status, res.body.code]).toEqual([path, 401, 'unauthenticated']);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it("refuses other roles of the operators' workspace with 403", async () => {
    const admin = await h.addMember(operator, 'admin');
    const res = await get('/admin/queues/api/queues', admin.accessToken);
    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
  });

  it("refuses the owner of another workspace: the board shows every tenant's jobs", async () => {
    const res = await get('/admin/queues/api/queues', stranger.accessToken);
    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
  });

  it('is closed to every owner when no operator workspace is configured', async () => {
    const res = await http<Problem>(h.url, 'GET', '/admin/queues/api/queues', {
      token: operator.accessToken,
    });
    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
  });
});
