import mongoose from 'mongoose';
import type { ApiKeyCreated, Session } from '@switchboard/contracts';
import type { RunningService } from '@switchboard/runtime';
import {
  http,
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
  });
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('gateway') }).asPromise();
});
afterAll(async () => {
  await db.close();
  await gw.stop();
});

/** Invites `role` as `owner` and accepts: the new member's session. */
async function addMember(owner: Session, role: string): Promise<Session> {
  const email = `${role}-${Math.random().toString(36).slice(2, 10)}@example.com`;
  const invite = await http<{ token: string }>(gw.url, 'POST', '/v1/invitations', {
    token: owner.accessToken,
    body: { email, role },
  });
  const accepted = await http<Session>(gw.url, 'POST', '/v1/auth/accept-invitation', {
    body: { token: invite.body.token, password: 'correct horse battery staple', name: role },
  });
  expect(accepted.status).toBe(200);
  return accepted.body;
}
const newKey = async (session: Session, token = session.accessToken, role = 'member') => {
  const res = await http<ApiKeyCreated>(gw.url, 'POST', '/v1/api-keys', {
    token,
    body: { name: 'integration', role },
  });
  expect(res.status).toBe(201);
  return res.body;
};
const status = async (key: string) => (await http(gw.url, 'GET', '/v1/me', { token: key })).status;

describe('API keys act for a member', () => {
  it('stop working when the member who created them is removed', async () => {
    const owner = await signUp(gw.url);
    const admin = await addMember(owner, 'admin');
    const key = await newKey(admin, admin.accessToken, 'admin');
    // A key made by that key acts for the same member.
    const child = await newKey(admin, key.key);
    expect(await status(key.key)).toBe(200);
    expect(await status(child.key)).toBe(200);

    const removed = await http(gw.url, 'DELETE', `/v1/members/${admin.user.id}`, {
      token: owner.accessToken,
    });
    expect(removed.status).toBe(202);
    expect(await status(key.key)).toBe(401);
    expect(await status(child.key)).toBe(401);
    const listed = await http<Array<{ id: string; revokedAt: string | null }>>(
      gw.url,
      'GET',
      '/v1/api-keys',
      { token: owner.accessToken },
    );
    expect(listed.body.filter((k) => k.revokedAt === null)).toEqual([]);
  });

  it('are refused at authentication when the membership is gone, even unrevoked', async () => {
    const owner = await signUp(gw.url);
    const admin = await addMember(owner, 'admin');
    const key = await newKey(admin);
    expect(await status(key.key)).toBe(200);
    // The membership disappears without the removal path (a crash between its two writes).
    await db
      .collection('memberships')
      .deleteOne({ workspaceId: owner.workspace.id, userId: admin.user.id });
    await waitFor(async () => (await status(key.key)) === 401, { what: 'the key refused' });
    const row = await db.collection('api_keys').findOne({ _id: key.id as never });
    expect(row?.revokedAt).toBeNull();
  });
});
