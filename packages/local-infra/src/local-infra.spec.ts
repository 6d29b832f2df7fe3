import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import mongoose from 'mongoose';
import { connect as natsConnect, StringCodec } from 'nats';
import {
  createAuthRoot,
  credsConnectionOptions,
  serializeAuthRoot,
  serviceUserCreds,
} from '@switchboard/nats-auth';
import {
  dropPostgresDatabase,
  ferretDbCacheDir,
  findFerretDb,
  findNatsServer,
  natsServerCacheDir,
  persistentDatabaseName,
  startInfrastructure,
  type RunningInfra,
} from './index';

jest.setTimeout(60_000);

const ENV_KEYS = [
  'MONGO_URL',
  'NATS_URL',
  'REDIS_URL',
  'PATH',
  'FERRETDB_BIN',
  'XDG_CACHE_HOME',
  'FERRETDB_HANDLER',
  'NATS_AUTH_ROOT',
  'NATS_SERVER_BIN',
] as const;
let savedEnv: Record<string, string | undefined>;
beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
});
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

/** Rows of a one-column query, through psql (the test's view into FerretDB's PostgreSQL). */
async function psqlRows(url: string, sql: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('psql', [
    url,
    '-v',
    'ON_ERROR_STOP=1',
    '-qtAc',
    sql,
  ]);
  return stdout.split('\n').filter(Boolean);
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = tcpConnect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function mongoRoundTrip(url: string, dbName: string, write?: string): Promise<string[]> {
  const conn = await mongoose
    .createConnection(url, { dbName, serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  try {
    const coll = conn.collection('probe');
    if (write !== undefined) await coll.insertOne({ value: write });
    const docs = await coll.find({}).toArray();
    return docs.map((d) => d.value as string);
  } finally {
    await conn.close();
  }
}

describe('startInfrastructure', () => {
  it('starts mongo, NATS with JetStream and redis, and stop() kills them and removes the temp dir', async () => {
    const lines: string[] = [];
    const infra = await startInfrastructure({ log: (l) => lines.push(l) });
    let stopped = false;
    try {
      expect(infra.mongoUrl).toMatch(/^mongodb:\/\/[^/]+$/);
      expect(infra.natsUrl).toMatch(/^nats:\/\//);
      expect(infra.redisUrl).toMatch(/^redis:\/\//);

      // raw TCP to each
      for (const url of [infra.mongoUrl, infra.natsUrl, infra.redisUrl]) {
        expect(await tcpOpen(portOf(url))).toBe(true);
      }

      // mongo wire protocol
      expect(await mongoRoundTrip(infra.mongoUrl, 'local_infra_spec', 'hello')).toEqual(['hello']);

      // NATS: no connection without credentials; core + JetStream as a user of the auth root
      await expect(natsConnect({ servers: infra.natsUrl })).rejects.toThrow(/Authorization/i);
      const nc = await natsConnect({
        servers: infra.natsUrl,
        ...credsConnectionOptions(await serviceUserCreds(infra.natsAuth!, 'admin', '')),
      });
      try {
        const jsm = await nc.jetstreamManager();
        await jsm.streams.add({ name: 'PROBE', subjects: ['probe.>'] });
        const ack = await nc.jetstream().publish('probe.one', StringCodec().encode('x'));
        expect(ack.stream).toBe('PROBE');
      } finally {
        await nc.close();
      }

      // redis
      const redis = new Redis(infra.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        await redis.set('k', 'v');
        expect(await redis.get('k')).toBe('v');
      } finally {
        redis.disconnect();
      }

      expect(existsSync(infra.dataDir)).toBe(true);
      if (infra.kinds.nats === 'nats-server')
        expect(existsSync(join(infra.dataDir, 'nats.log'))).toBe(true);
      expect(lines.some((l) => l.startsWith('local infrastructure up'))).toBe(true);

      await infra.stop();
      stopped = true;
      expect(existsSync(infra.dataDir)).toBe(false);
      for (const [kind, url] of [
        [infra.kinds.mongo, infra.mongoUrl],
        [infra.kinds.nats, infra.natsUrl],
        [infra.kinds.redis, infra.redisUrl],
      ]) {
        if (kind !== 'external') expect(await tcpOpen(portOf(url))).toBe(false);
      }
      await infra.stop(); // idempotent
    } finally {
      if (!stopped) await infra.stop();
    }
  });

  it('on PostgreSQL, gives every index FerretDB creates a GIN twin that serves equality filters', async () => {
    delete process.env.MONGO_URL;
    process.env.FERRETDB_HANDLER = 'postgresql';
    const infra = await startInfrastructure({});
    try {
      expect(infra.ferretDbBackend).toBe('postgresql');
      const conn = await mongoose
        .createConnection(infra.mongoUrl, { dbName: 'gin_spec', serverSelectionTimeoutMS: 10_000 })
        .asPromise();
      try {
        const coll = conn.collection('things');
        await coll.createIndex({ workspaceId: 1, key: 1 });
        for (let k = 0; k < 5000; k += 1000) {
          await coll.insertMany(
            Array.from({ length: 1000 }, (_, i) => ({
              workspaceId: `w${i % 7}`,
              key: `k-${k + i}`,
            })),
          );
        }
        const indexes = await psqlRows(
          infra.postgresUrl!,
          "select indexdef from pg_indexes where schemaname = 'gin_spec' and tablename like 'things%' order by indexname",
        );
        // _id's unique index and ours, each with its twin.
        expect(indexes.filter((d) => d.includes('USING btree'))).toHaveLength(2);
        const twins = indexes.filter((d) => d.includes('USING gin'));
        expect(twins).toHaveLength(2);
        expect(twins.join('\n')).toMatch(
          /USING gin \(\(\(_jsonb -> 'workspaceId'::text\)\), \(\(_jsonb -> 'key'::text\)\)\)/,
        );
        // FerretDB's plan for an equality filter (its explain is PostgreSQL's): an index scan.
        const plan = JSON.stringify(
          await coll.find({ workspaceId: 'w3', key: 'k-4242' }).explain(),
        );
        expect(plan).toMatch(/Index Scan/);
        expect(plan).toMatch(/_gin/);
        expect(await coll.countDocuments({ workspaceId: 'w3', key: 'k-4242' })).toBe(0);
        expect(await coll.countDocuments({ workspaceId: 'w5', key: 'k-4243' })).toBe(1);
      } finally {
        await conn.close();
      }
    } finally {
      delete process.env.FERRETDB_HANDLER;
      await infra.stop();
    }
  });

  it('keeps data in a persistent dataDir across restarts', async () => {
    delete process.env.MONGO_URL;
    delete process.env.NATS_URL;
    delete process.env.REDIS_URL;
    const dataDir = mkdtempSync(join(tmpdir(), 'local-infra-spec-'));
    try {
      let infra: RunningInfra = await startInfrastructure({ dataDir, persistent: true });
      const root = infra.natsAuth;
      try {
        await mongoRoundTrip(infra.mongoUrl, 'persist', 'kept');
        const redis = new Redis(infra.redisUrl, { maxRetriesPerRequest: 1 });
        await redis.set('persisted', 'yes');
        redis.disconnect();
      } finally {
        await infra.stop();
      }
      expect(existsSync(join(dataDir, 'redis'))).toBe(true);

      infra = await startInfrastructure({ dataDir, persistent: true });
      try {
        // The same NATS auth root: creds minted before the restart still work.
        expect(infra.natsAuth).toEqual(root);
        expect(await mongoRoundTrip(infra.mongoUrl, 'persist')).toEqual(['kept']);
        const redis = new Redis(infra.redisUrl, { maxRetriesPerRequest: 1 });
        expect(await redis.get('persisted')).toBe('yes');
        redis.disconnect();
      } finally {
        await infra.stop();
      }
      expect(existsSync(dataDir)).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      // On the PostgreSQL backend the data lives in a database named after the directory.
      await dropPostgresDatabase(persistentDatabaseName(resolve(dataDir))).catch(() => undefined);
    }
  });

  it('uses MONGO_URL / NATS_URL / REDIS_URL as they are and starts nothing', async () => {
    process.env.MONGO_URL = 'mongodb://db.example:27017';
    process.env.NATS_URL = 'nats://bus.example:4222';
    process.env.REDIS_URL = 'redis://cache.example:6379';
    process.env.PATH = ''; // would fail if it tried to find any binary
    delete process.env.NATS_AUTH_ROOT;
    const infra = await startInfrastructure();
    expect(infra).toMatchObject({
      mongoUrl: 'mongodb://db.example:27017',
      natsUrl: 'nats://bus.example:4222',
      redisUrl: 'redis://cache.example:6379',
      kinds: { mongo: 'external', nats: 'external', redis: 'external' },
    });
    expect(infra.natsAuth).toBeUndefined();
    await infra.stop();
    expect(existsSync(infra.dataDir)).toBe(false);

    // The existing server's auth root comes from NATS_AUTH_ROOT (the JSON, or a file path).
    const root = createAuthRoot();
    process.env.NATS_AUTH_ROOT = serializeAuthRoot(root);
    const withRoot = await startInfrastructure();
    expect(withRoot.natsAuth).toEqual(root);
    await withRoot.stop();
  });

  it('explains how to install FerretDB when no MongoDB-compatible server can be found', async () => {
    delete process.env.MONGO_URL;
    delete process.env.FERRETDB_BIN;
    process.env.PATH = '';
    const cache = mkdtempSync(join(tmpdir(), 'local-infra-spec-cache-'));
    process.env.XDG_CACHE_HOME = cache;
    try {
      expect(ferretDbCacheDir()).toBe(join(cache, 'switchboard', 'ferretdb-v1.24.2'));
      expect(findFerretDb()).toBeUndefined();
      await expect(startInfrastructure()).rejects.toThrow(/scripts\/install-infra\.sh/);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('takes only nats-server v2.15.3: an older one on PATH is passed over', async () => {
    delete process.env.NATS_SERVER_BIN;
    const cache = mkdtempSync(join(tmpdir(), 'local-infra-spec-cache-'));
    const bin = mkdtempSync(join(tmpdir(), 'local-infra-spec-bin-'));
    try {
      process.env.XDG_CACHE_HOME = cache;
      writeFileSync(join(bin, 'nats-server'), '#!/bin/sh\necho "nats-server: v2.9.10"\n', {
        mode: 0o755,
      });
      process.env.PATH = bin;
      expect(natsServerCacheDir()).toBe(join(cache, 'switchboard', 'nats-server-v2.15.3'));
      expect(findNatsServer()).toBeUndefined();
      writeFileSync(join(bin, 'nats-server'), '#!/bin/sh\necho "nats-server: v2.15.3"\n', {
        mode: 0o755,
      });
      expect(findNatsServer()).toBe(join(bin, 'nats-server'));
    } finally {
      rmSync(cache, { recursive: true, force: true });
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('SIGKILLs the children when the parent process exits without calling stop()', async () => {
    // A separate Node process loads the TypeScript source through @swc/core, starts the
    // infrastructure, prints the child pids and calls process.exit() straight away.
    const script = `
      const fs = require('fs');
      const { transformSync } = require('@swc/core');
      require.extensions['.ts'] = (m, file) => m._compile(transformSync(fs.readFileSync(file, 'utf8'), {
        filename: file, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
      }).code, file);
      require(${JSON.stringify(join(__dirname, 'index.ts'))}).startInfrastructure().then((infra) => {
        const pids = require('child_process').execFileSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)])
          .toString().trim().split(/\\s+/).map(Number);
        process.stdout.write(JSON.stringify({ pids, dataDir: infra.dataDir }));
        process.exit(0);
      }, (err) => { console.error(err); process.exit(2); });
    `;
    const child = spawn(process.execPath, ['-e', script], {
      cwd: __dirname,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, MONGO_URL: '', NATS_URL: '', REDIS_URL: '' },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const { pids, dataDir } = JSON.parse(out) as { pids: number[]; dataDir: string };
    try {
      expect(pids.length).toBeGreaterThanOrEqual(3);
      const deadline = Date.now() + 5000;
      while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(pids.filter(alive)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
