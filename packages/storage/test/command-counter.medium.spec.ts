import mongoose from 'mongoose';
import { CommandCounter, connectMongo } from '@switchboard/storage';
import { testNamespace } from '@switchboard/testing';

const ns = testNamespace();
let monitored: mongoose.Connection;
let plain: mongoose.Connection;

beforeAll(async () => {
  monitored = await connectMongo({
    url: ns.mongoUrl,
    dbName: ns.db('counter'),
    monitorCommands: true,
  });
  plain = await connectMongo({ url: ns.mongoUrl, dbName: ns.db('counter') });
});
afterAll(async () => {
  await monitored.close();
  await plain.close();
});

describe('command counter', () => {
  it('counts the round trips a connection makes, by command, and nothing of others', async () => {
    const counter = new CommandCounter();
    counter.attach(monitored);
    const docs = monitored.db!.collection('things');
    await docs.insertMany([
      { _id: 'a' as never, n: 1 },
      { _id: 'b' as never, n: 2 },
    ]);
    await docs.updateOne({ _id: 'a' as never, n: 1 }, { $set: { n: 3 } });
    expect(await docs.find({}).batchSize(1).toArray()).toHaveLength(2);
    await plain.db!.collection('things').findOne({ _id: 'a' as never });

    // One insert for the batch, one update, a find and the getMores of a batch size of 1.
    const { total, commands } = counter.snapshot();
    expect(commands).toMatchObject({ insert: 1, update: 1, find: 1 });
    expect(commands.getMore).toBeGreaterThanOrEqual(1);
    expect(total).toBe(Object.values(commands).reduce((a, b) => a + b, 0));
  });

  it('sees nothing on a connection without command monitoring', async () => {
    const counter = new CommandCounter();
    counter.attach(plain);
    await plain.db!.collection('things').findOne({ _id: 'b' as never });
    expect(counter.snapshot()).toEqual({ total: 0, commands: {} });
  });
});
