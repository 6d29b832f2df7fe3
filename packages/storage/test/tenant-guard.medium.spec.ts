import mongoose, { Schema } from 'mongoose';
import { connectMongo, CROSS_TENANT, idField, tenantGuard, trusted } from '@switchboard/storage';
import { testNamespace } from '@switchboard/testing';

const ns = testNamespace();
let conn: mongoose.Connection;

interface NoteDoc {
  _id: string;
  workspaceId: string;
  title: string;
}
const NoteSchema = new Schema<NoteDoc>(
  { ...idField, workspaceId: String, title: String },
  { collection: 'notes' },
);
NoteSchema.plugin(tenantGuard);

beforeAll(async () => {
  conn = await connectMongo({ url: ns.mongoUrl, dbName: ns.db('guard') });
});
afterAll(() => conn.close());

describe('tenant guard', () => {
  it('runs scoped queries and refuses every unscoped one', async () => {
    const Note = conn.model<NoteDoc>('Note', NoteSchema);
    await Note.create([
      { workspaceId: 'w1', title: 'mine' },
      { workspaceId: 'w2', title: 'theirs' },
    ]);
    expect((await Note.find({ workspaceId: 'w1' }).lean()).map((n) => n.title)).toEqual(['mine']);

    await expect(Note.find({ title: 'theirs' })).rejects.toThrow(/unscoped query/);
    await expect(Note.findOne({})).rejects.toThrow(/unscoped query/);
    await expect(Note.countDocuments()).rejects.toThrow(/unscoped query/);
    await expect(Note.updateMany({}, { title: 'x' })).rejects.toThrow(/unscoped query/);
    await expect(Note.deleteOne({ _id: 'whatever' })).rejects.toThrow(/unscoped query/);
    await expect(Note.aggregate([{ $match: { title: 'mine' } }])).rejects.toThrow(
      /unscoped aggregation/,
    );
    // An operator in place of the workspace id is not a scope.
    await expect(Note.find({ workspaceId: trusted({ $ne: 'w1' }) })).rejects.toThrow(
      /unscoped query/,
    );
    await expect(Note.create([{ title: 'no tenant' }])).rejects.toThrow(/workspaceId/);
    expect(
      await Note.find({ title: trusted({ $exists: true }) })
        .setOptions({ [CROSS_TENANT]: true })
        .countDocuments(),
    ).toBe(2);
  });

  it('refuses a bulkWrite with an unscoped operation and writes none of it', async () => {
    const Note = conn.model<NoteDoc>('Note', NoteSchema);
    await expect(
      Note.bulkWrite([
        { insertOne: { document: { _id: 'bw-1', workspaceId: 'w1', title: 'scoped' } } },
        { updateOne: { filter: { _id: 'bw-1' }, update: { title: 'unscoped' } } },
      ]),
    ).rejects.toThrow(/unscoped bulkWrite/);
    expect(await Note.countDocuments({ workspaceId: 'w1', _id: 'bw-1' })).toBe(0);

    await Note.bulkWrite([
      { insertOne: { document: { _id: 'bw-2', workspaceId: 'w1', title: 'scoped' } } },
      { updateOne: { filter: { workspaceId: 'w1', _id: 'bw-2' }, update: { title: 'renamed' } } },
    ]);
    expect((await Note.findOne({ workspaceId: 'w1', _id: 'bw-2' }).lean())?.title).toBe('renamed');
  });

  it('neutralises operator objects smuggled in filter values', async () => {
    const Note = conn.model<NoteDoc>('Note', NoteSchema);
    const injected = JSON.parse('{"$ne": "nothing"}');
    // sanitizeFilter turns it into `{ $eq: { $ne: … } }`: a value, which cannot be cast, never an operator.
    await expect(Note.find({ workspaceId: 'w1', title: injected }).lean()).rejects.toThrow(
      /Cast to string/,
    );
    await expect(Note.find({ workspaceId: 'w1', nosuchfield: 'x' })).rejects.toThrow(
      /strictQuery|not in schema/,
    );
  });
});
