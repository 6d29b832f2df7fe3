import { connectMongo, type mongoose } from '@switchboard/storage';
import { testNamespace } from '@switchboard/testing';

// The query behaviours the compiled filters rely on, held identical on FerretDB 1.24 and
// MongoDB. Where the two differ (see README "Portability"), the compiler avoids the construct.
const ns = testNamespace();
let conn: mongoose.Connection;
type Doc = { _id: string } & Record<string, unknown>;

const DOCS: Doc[] = [
  { _id: 'missing' },
  { _id: 'null', v: null },
  { _id: 'int', v: 5 },
  { _id: 'double', v: 5.5 },
  { _id: 'numeric-string', v: '5' },
  { _id: 'text', v: 'aBc\nx.y' },
  { _id: 'bool', v: true },
  { _id: 'date', v: new Date('2024-01-01T00:00:00Z') },
  { _id: 'list', v: ['a', 'b'] },
  { _id: 'empty-list', v: [] },
  { _id: 'kelvin', v: '\u212A' },
  {
    _id: 'channels',
    ch: [
      { type: 'email', sub: true },
      { type: 'sms', sub: false },
    ],
  },
];

beforeAll(async () => {
  conn = await connectMongo({ url: ns.mongoUrl, dbName: ns.db('segment_dsl_semantics') });
  await conn.db!.collection<Doc>('docs').insertMany(DOCS);
});
afterAll(() => conn.close());

async function ids(query: object): Promise<string[]> {
  const docs = await conn.db!.collection<Doc>('docs').find(query).toArray();
  return docs.map((d) => d._id).sort();
}
const except = (...out: string[]) =>
  DOCS.map((d) => d._id)
    .filter((id) => !out.includes(id))
    .sort();

describe('portable query semantics', () => {
  it('null matches absent and null; $ne/$nin match them too', async () => {
    expect(await ids({ v: null })).toEqual(['channels', 'missing', 'null']);
    expect(await ids({ v: { $ne: null } })).toEqual(except('channels', 'missing', 'null'));
    expect(await ids({ v: { $ne: 5 } })).toEqual(except('int'));
    expect(await ids({ v: { $nin: [5, 'a'] } })).toEqual(except('int', 'list'));
  });

  it('comparisons stay within one type (numbers, strings, dates)', async () => {
    expect(await ids({ v: { $gt: 4 } })).toEqual(['double', 'int']);
    expect(await ids({ v: { $lt: 'zzz' } })).toEqual(['list', 'numeric-string', 'text']);
    expect(await ids({ v: { $lt: new Date('2030-01-01') } })).toEqual(['date']);
    expect(await ids({ v: { $gte: 5, $lte: 5.5 } })).toEqual(['double', 'int']);
  });

  it('array fields match by element; $all of [] matches nothing', async () => {
    expect(await ids({ v: 'a' })).toEqual(['list']);
    expect(await ids({ v: { $ne: 'a' } })).toEqual(except('list'));
    expect(await ids({ v: { $all: ['a', 'b'] } })).toEqual(['list']);
    expect(await ids({ v: { $all: [] } })).toEqual([]);
  });

  it('$regex without options: case-sensitive, escapes literal, ^ not multi-line', async () => {
    expect(await ids({ v: { $regex: 'b' } })).toEqual(['list']);
    expect(await ids({ v: { $regex: '^[aA][bB]' } })).toEqual(['text']);
    expect(await ids({ v: { $regex: 'x\\.y' } })).toEqual(['text']);
    expect(await ids({ v: { $regex: '^x' } })).toEqual([]);
    expect(await ids({ v: { $regex: '[kK]' } })).toEqual([]);
  });

  it('paths through arrays of documents: equality and $nor of it', async () => {
    expect(await ids({ 'ch.type': 'sms' })).toEqual(['channels']);
    expect(await ids({ $nor: [{ 'ch.type': 'sms' }] })).toEqual(except('channels'));
    expect(await ids({ 'ch.type': 'sms', 'ch.sub': true })).toEqual(['channels']);
  });
});
