import mongoose from 'mongoose';
import type { RunningService } from '@switchboard/runtime';
import {
  signUp,
  startInProcess,
  TEST_JWT_SECRET,
  testNamespace,
  waitFor,
} from '@switchboard/testing';
import { gatewayService } from '../src/app.module';
import { GatewayConfig } from '../src/config';

const ns = testNamespace();
let gw: RunningService;
let db: mongoose.Connection;

beforeAll(async () => {
  gw = await startInProcess(ns, 'gateway', GatewayConfig, gatewayService, {
    JWT_SECRET: TEST_JWT_SECRET,
    REFRESH_TOKEN_PURGE_INTERVAL_S: '1',
  });
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('gateway') }).asPromise();
});
afterAll(async () => {
  await db.close();
  await gw.stop();
});

const DAY = 24 * 60 * 60 * 1000;

it('purges expired and long-revoked refresh tokens, and keeps the others', async () => {
  const session = await signUp(gw.url);
  const ws = session.workspace.id;
  const now = Date.now();
  const token = (id: string, fields: { expiresAt: number; revokedAt?: number }) => ({
    _id: id,
    workspaceId: ws,
    userId: session.user.id,
    familyId: `family-${id}`,
    tokenHash: `hash-${id}`,
    expiresAt: new Date(fields.expiresAt),
    usedAt: null,
    revokedAt: fields.revokedAt ? new Date(fields.revokedAt) : null,
    createdAt: new Date(now - 40 * DAY),
  });
  const tokens = db.collection('refresh_tokens');
  await tokens.insertMany([
    token('expired', { expiresAt: now - DAY }),
    token('revoked-long-ago', { expiresAt: now + DAY, revokedAt: now - 2 * DAY }),
    token('revoked-now', { expiresAt: now + DAY, revokedAt: now }),
    token('live', { expiresAt: now + DAY }),
  ] as never[]);

  await waitFor(async () => (await tokens.countDocuments({ workspaceId: ws })) === 3, {
    what: 'the purge',
  });
  const left = (await tokens.find({ workspaceId: ws }).toArray()).map((t) => String(t._id));
  expect(left).toEqual(expect.arrayContaining(['revoked-now', 'live']));
  expect(left).not.toContain('expired');
  expect(left).not.toContain('revoked-long-ago');
});
