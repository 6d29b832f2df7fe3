// A CSV import of BENCH_IMPORT_ROWS (100 k) generated contacts through the real path, next to
// the storage floor measured in the same run:
//   import   HTTP upload (text/csv, streamed) → gateway → JetStream object store → contacts
//            BullMQ job: count pass, csv-parse, per-row validation, batches of 500 (one
//            insertMany, one report staging the batch's contact.created events, a checkpoint);
//            timed from the first byte sent until GET /v1/imports/:id says `completed`
//   raw      the same contact documents (built by the contacts service's own buildContactDoc),
//            in batches of 500 with the native driver's insertMany, into a collection with the
//            contacts collection's indexes; only the insertMany calls are timed
// Memory: the RSS of the contacts process (the import worker) sampled every 100 ms during the
// import, and of the gateway during the upload. Order: raw first, on a quiet platform; then the
// import, whose outbox relay then publishes the contact.created events (reported, not timed).
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { round, sleep } from './lib/load.mjs';
import { mib, sampleRss } from './lib/memory.mjs';
import { startStack } from './lib/stack.mjs';

export const name = 'contacts-import';
/** Two 100 k-row inserts and the platform around them: more than the default budget. */
export const timeoutMs = 600_000;

const intEnv = (key, fallback, max) => {
  const value = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a positive integer`);
  return Math.min(value, max);
};

const ROWS = intEnv('BENCH_IMPORT_ROWS', 100_000, 2_000_000);
/** Rows per batch, for the import (IMPORT_BATCH_SIZE) and the raw inserts alike. */
const BATCH = intEnv('BENCH_IMPORT_BATCH', 500, 5000);
const HEADER = 'First Name,Last Name,Email,Phone,Tags,Stage';
const STAGES = ['lead', 'prospect', 'customer'];
const FIRST = ['Ada', 'Grace', 'Alan', 'Mary', 'Charles', 'Edsger', 'Barbara', 'Donald'];

/** Row i of the file, as cells, and the create input the import makes of it. */
function row(runId, i) {
  const cells = [
    FIRST[i % FIRST.length],
    `Bench ${i}`,
    `imp-${runId}-${i}@example.com`,
    `+4420${String(10_000_000 + i)}`,
    i % 3 === 0 ? 'vip;b2b' : 'newsletter',
    STAGES[i % 3],
  ];
  const input = {
    firstName: cells[0],
    lastName: cells[1],
    channels: [
      { type: 'email', value: cells[2] },
      { type: 'phone', value: cells[3] },
    ],
    tags: cells[4].split(';'),
    stage: cells[5],
    source: 'import',
    companyLinks: [],
  };
  return { cells, input };
}

async function writeCsv(file, runId) {
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let i = 1; i <= ROWS; i++) {
    if (!out.write(`${row(runId, i).cells.join(',')}\n`)) {
      await new Promise((resolve) => out.once('drain', resolve));
    }
  }
  out.end();
  await finished(out);
}

/** Streams the file as the body of POST /v1/imports; resolves with the 202 answer. */
function upload(baseUrl, token, file) {
  const url = new URL('/v1/imports?onDuplicate=skip', baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/csv',
          'content-length': statSync(file).size,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          res.statusCode === 202
            ? resolve(JSON.parse(text))
            : reject(new Error(`upload answered ${res.statusCode}: ${text.slice(0, 200)}`)),
        );
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

export async function run(ctx) {
  const { require, signal } = ctx;
  const mongoose = require('mongoose');
  const { newId } = require('@switchboard/messaging');
  const { buildContactDoc } = require('./services/contacts/dist/contacts/contact-builder.js');

  ctx.params({ rows: ROWS, batch: BATCH, mongo: ctx.infra.kinds.mongo });
  const stack = await startStack(ctx, {
    services: ['gateway', 'contacts'],
    maxSockets: 4,
    callTimeoutMs: 60_000,
    // (The outbox relays sweep as in production: RELAY_BENCH_ENV in lib/stack.mjs.)
    // A poll of the report reads the import's batch reports, a scan on FerretDB (decision 48)
    // that the running import slows down: polls once a second, with time to answer.
    env: {
      contacts: { IMPORT_BATCH_SIZE: String(BATCH) },
      gateway: { RPC_TIMEOUT_MS: '60000' },
    },
  });
  const { ns, runId, http: client, token, workspaceId, actor, platform } = stack;
  const checkpoint = () => {
    if (signal.aborted) throw signal.reason ?? new Error('aborted');
  };

  const conn = mongoose.createConnection(ns.mongoUrl, {
    dbName: ns.db('contacts'),
    appName: 'bench-raw',
    maxPoolSize: 20,
  });
  ctx.onCleanup(() => conn.close());
  await conn.asPromise();
  const contacts = conn.db.collection('contacts');
  const importEvents = conn.db.collection('import_events');
  const raw = conn.db.collection('bench_raw_import');
  // The contacts collection's indexes, as the service created them.
  const indexes = (await contacts.indexes()).filter((i) => i.name !== '_id_');
  await raw.createIndexes(
    indexes.map(({ key, name: indexName, unique }) => ({
      key,
      name: indexName,
      ...(unique ? { unique: true } : {}),
    })),
  );

  const file = join(tmpdir(), `bench-import-${runId}.csv`);
  ctx.onCleanup(() => rmSync(file, { force: true }));
  let t = Date.now();
  await writeCsv(file, `${runId}`);
  const bytes = statSync(file).size;
  ctx.log(`wrote ${ROWS} rows (${mib(bytes)} MiB) in ${Date.now() - t} ms`);

  // -- 1. the storage floor: the same documents, batched insertMany -------------------------
  checkpoint();
  let insertMs = 0;
  for (let from = 1; from <= ROWS && !signal.aborted; from += BATCH) {
    const now = new Date();
    const docs = [];
    for (let i = from; i < from + BATCH && i <= ROWS; i++) {
      const doc = buildContactDoc(row(`raw-${runId}`, i).input, {
        id: newId(),
        workspaceId,
        actor,
        now,
        dedupRule: 'email',
      });
      docs.push({ ...doc, outbox: [], outboxPending: false });
    }
    const t0 = performance.now();
    await raw.insertMany(docs, { ordered: false, ignoreUndefined: true });
    insertMs += performance.now() - t0;
  }
  checkpoint();
  const rawRps = ROWS / (insertMs / 1000);
  ctx.log(`raw insertMany: ${ROWS} documents in ${round(insertMs, 0)} ms (${round(rawRps, 1)}/s)`);
  ctx.figure({
    name: 'raw insertMany (rows/s)',
    rps: round(rawRps, 1),
    p50Ms: null,
    p99Ms: null,
    requests: ROWS,
    errors: 0,
    durationMs: round(insertMs, 1),
  });

  // -- 2. the import through the platform ---------------------------------------------------
  const contactsPid = platform.get('contacts').pid;
  const gatewayPid = platform.get('gateway').pid;
  const workerMemory = sampleRss(contactsPid);
  const gatewayMemory = sampleRss(gatewayPid);
  t = Date.now();
  const accepted = await upload(platform.gatewayUrl, token, file);
  const uploadMs = Date.now() - t;
  const gatewayRss = gatewayMemory.stop();
  let report;
  for (;;) {
    checkpoint();
    report = (await client.request('GET', `/v1/imports/${accepted.id}?limit=1`, { token })).json;
    if (report.status === 'completed' || report.status === 'failed') break;
    await sleep(1000);
  }
  const importMs = Date.now() - t;
  const workerRss = workerMemory.stop();
  if (report.status !== 'completed') throw new Error(`import ${report.status}: ${report.error}`);
  const importRps = report.processed / (importMs / 1000);
  ctx.log(
    `import: ${report.processed} rows (${report.created} created, ${report.failed} failed) in ` +
      `${importMs} ms (${round(importRps, 1)} rows/s); upload ${uploadMs} ms`,
  );
  ctx.figure({
    name: 'import via gateway (rows/s)',
    baseline: 'raw insertMany (rows/s)',
    rps: round(importRps, 1),
    p50Ms: null,
    p99Ms: null,
    requests: report.total,
    errors: report.failed,
    durationMs: importMs,
    uploadMs,
    workerRssMiB: { before: mib(workerRss.first), peak: mib(workerRss.peak) },
    gatewayRssMiB: { before: mib(gatewayRss.first), peak: mib(gatewayRss.peak) },
  });
  ctx.note(
    `rows/s in the req/s column; target: import ≥ 0.60 × raw. File ${mib(bytes)} MiB, upload ` +
      `${uploadMs} ms, ${Math.ceil(ROWS / BATCH)} batches`,
  );
  ctx.note(
    `peak RSS of the contacts process (import worker) ${mib(workerRss.peak)} MiB ` +
      `(${mib(workerRss.first)} MiB before the import); gateway during the upload ` +
      `${mib(gatewayRss.peak)} MiB (${mib(gatewayRss.first)} MiB before)`,
  );

  // -- 3. what the import left to relay -----------------------------------------------------
  t = Date.now();
  let pending = await importEvents.countDocuments({});
  while (pending > 0 && Date.now() - t < 60_000 && !signal.aborted) {
    await sleep(250);
    pending = await importEvents.countDocuments({});
  }
  ctx.note(
    `${await contacts.estimatedDocumentCount()} contacts stored; the import's contact.created ` +
      (pending === 0
        ? `events all relayed ${round((Date.now() - t) / 1000, 1)} s after it completed`
        : `events of ${pending} batches still to relay 60 s after it completed`),
  );
  stack.finish();
}
