import type mongoose from 'mongoose';
import { connectMongo } from '@switchboard/storage';
import { ProfileOfAnotherWorkspace, ProfileWriter } from '@switchboard/segment-store';
import { testNamespace } from '@switchboard/testing';

/**
 * Profile writers racing on real storage: on FerretDB an update is a read then a write without a
 * lock (decision 25), so without the gate concurrent writers lose each other's changes. Here
 * several writers (two "replicas" with their own connections) add to the same counter at once.
 */
const ns = testNamespace();
let a: mongoose.Connection;
let b: mongoose.Connection;

beforeAll(async () => {
  a = await connectMongo({ url: ns.mongoUrl, dbName: ns.db('segments') });
  b = await connectMongo({ url: ns.mongoUrl, dbName: ns.db('segments') });
  await new ProfileWriter(a).model.init();
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const bump = (writer: ProfileWriter, id: string) =>
  writer.update('w1', id, (cur) => ({
    activity: {
      'email:opened': { '2026-12-01': (cur.activity?.['email:opened']?.['2026-12-01'] ?? 0) + 1 },
    },
  }));

describe('ProfileWriter', () => {
  it('loses no write when writers race, creation included', async () => {
    const writers = [new ProfileWriter(a), new ProfileWriter(b)];
    const id = 'c-race';
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) => bump(writers[i % 2], id)),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const doc = await writers[0].read('w1', id);
    expect(doc?.activity).toEqual({ 'email:opened': { '2026-12-01': 16 } });
    expect(doc?.rev).toBe(16);
  });

  it('writes nothing when the change has nothing to say', async () => {
    const writer = new ProfileWriter(a);
    await bump(writer, 'c-quiet');
    const res = await writer.update('w1', 'c-quiet', () => null);
    expect(res).toMatchObject({ changed: false, profile: { rev: 1 } });
  });

  it("refuses a contact id that another workspace's profile holds", async () => {
    const writer = new ProfileWriter(a);
    await bump(writer, 'c-taken');
    await expect(
      writer.update('w2', 'c-taken', () => ({ stage: 'customer' })),
    ).rejects.toBeInstanceOf(ProfileOfAnotherWorkspace);
    expect(await writer.read('w2', 'c-taken')).toBeNull();
    expect((await writer.read('w1', 'c-taken'))?.stage ?? null).toBeNull();
  });
});
