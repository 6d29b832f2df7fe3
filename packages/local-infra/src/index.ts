import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { ManagedChild } from './child';
import { freePorts, httpStatus, redisPing, tcpConnects } from './net';
import {
  createAuthRoot,
  loadAuthRoot,
  parseAuthRoot,
  serializeAuthRoot,
  serverAuthConfig,
  type NatsAuthRoot,
} from '@switchboard/nats-auth';
import { findFerretDb, findNatsServer, findOnPath, NATS_SERVER_VERSION } from './paths';
import { persistentDatabaseName, preparePostgres } from './postgres';

export {
  ferretDbCacheDir,
  findFerretDb,
  findNatsServer,
  natsServerCacheDir,
  NATS_SERVER_VERSION,
} from './paths';
export { dropPostgresDatabase, persistentDatabaseName } from './postgres';

export interface InfraOptions {
  /** where data lives; default: a fresh mkdtemp dir, removed on stop() unless persistent */
  dataDir?: string;
  /** keep data (used by `pnpm start` with dataDir=.data) */
  persistent?: boolean;
  /** default: free ports picked by listening on port 0 */
  ports?: { mongo?: number; nats?: number; redis?: number };
  /**
   * The NATS auth root the started nats-server trusts. Default: a persistent dataDir keeps its
   * own in `nats-auth-root.json` (made on first start); otherwise a fresh one.
   */
  natsAuth?: NatsAuthRoot;
  log?: (line: string) => void;
  /** An existing MongoDB-compatible server to use instead of starting one (like MONGO_URL). */
  mongoUrl?: string;
}

export interface RunningInfra {
  /** mongodb://127.0.0.1:PORT (no database name in it) */
  mongoUrl: string;
  /** nats://127.0.0.1:PORT */
  natsUrl: string;
  /**
   * The keys the NATS server trusts (decentralized JWT, @switchboard/nats-auth): mint each
   * process's creds with them. For NATS_URL, read from NATS_AUTH_ROOT (undefined if unset).
   */
  natsAuth?: NatsAuthRoot;
  /** redis://127.0.0.1:PORT */
  redisUrl: string;
  /** where the children keep their data and `<name>.log` files */
  dataDir: string;
  kinds: {
    mongo: 'external' | 'ferretdb' | 'mongod';
    nats: 'external' | 'nats-server';
    redis: 'external' | 'redis-server';
  };
  /** FerretDB's storage: PostgreSQL when a server answers (FERRETDB_HANDLER forces one), else SQLite */
  ferretDbBackend?: 'postgresql' | 'sqlite';
  /** The PostgreSQL database FerretDB stores its data in (postgresql backend only). */
  postgresUrl?: string;
  /** SIGTERM children, wait, SIGKILL after 5 s; remove the temp dir when not persistent */
  stop(): Promise<void>;
  /**
   * Stops one server this infrastructure started (SIGTERM, or SIGKILL for a crash) and starts it
   * again on the same ports and data, resolving once it answers (fault tests).
   */
  restart(server: RestartableServer, signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export type RestartableServer = 'nats-server' | 'redis-server';

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const MAX_ATTEMPTS = 3;

interface Component {
  name: string;
  /** ports requested by the caller; `undefined` entries are picked freely */
  fixedPorts: (number | undefined)[];
  launch(ports: number[]): ManagedChild;
  ready(child: ManagedChild, ports: number[]): Promise<void>;
  /** The child that answered and its ports (for restart). */
  running?: { child: ManagedChild; ports: number[] };
}

async function startComponent(
  component: Component,
  initialFree: number[],
  children: ManagedChild[],
  log: (line: string) => void,
): Promise<number[]> {
  let free = initialFree;
  for (let attempt = 1; ; attempt++) {
    const pool = [...free];
    const ports = component.fixedPorts.map((p) => p ?? pool.shift()!);
    const child = component.launch(ports);
    children.push(child);
    try {
      await component.ready(child, ports);
      log(
        `${component.name} ready on port ${ports.join(', ')} (pid ${child.pid}, log ${child.logFile})`,
      );
      component.running = { child, ports };
      return ports;
    } catch (err) {
      await child.stop(1000);
      const portCollision = /address already in use|EADDRINUSE/i.test(child.tail(200));
      if (attempt >= MAX_ATTEMPTS || !portCollision || free.length === 0) throw err;
      log(`${component.name}: port taken in the meantime, retrying with another one`);
      free = await freePorts(free.length);
    }
  }
}

/** `file:` URL of a directory, as FerretDB's SQLite handler wants it (trailing slash). */
function sqliteDirUrl(dir: string): string {
  return 'file:' + dir.split(sep).map(encodeURIComponent).join('/') + '/';
}

/**
 * Starts MongoDB-compatible storage, NATS (JetStream) and Redis as child processes,
 * unless MONGO_URL / NATS_URL / REDIS_URL point at existing servers.
 */
export async function startInfrastructure(opts: InfraOptions = {}): Promise<RunningInfra> {
  const log = opts.log ?? (() => undefined);
  const persistent = opts.persistent ?? false;
  const ownsDir = opts.dataDir === undefined;
  const dataDir = ownsDir
    ? await mkdtemp(join(tmpdir(), 'switchboard-infra-'))
    : resolve(opts.dataDir as string);
  mkdirSync(dataDir, { recursive: true });
  const removeDir = ownsDir && !persistent;

  const env = process.env;
  const components: Component[] = [];
  const children: ManagedChild[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  let ferretDbBackend: RunningInfra['ferretDbBackend'];
  let postgresUrl: string | undefined;

  let mongoUrl = opts.mongoUrl ?? env.MONGO_URL ?? '';
  let natsUrl = env.NATS_URL ?? '';
  let redisUrl = env.REDIS_URL ?? '';
  let natsAuth: NatsAuthRoot | undefined = natsUrl
    ? env.NATS_AUTH_ROOT
      ? loadAuthRoot(env.NATS_AUTH_ROOT)
      : undefined
    : undefined;
  const kinds: RunningInfra['kinds'] = { mongo: 'external', nats: 'external', redis: 'external' };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await Promise.all(children.map((c) => c.stop(STOP_GRACE_MS)));
      for (const cleanup of cleanups) await cleanup();
      if (removeDir) await rm(dataDir, { recursive: true, force: true });
      log(`local infrastructure stopped${removeDir ? '' : ` (data kept in ${dataDir})`}`);
    })();
    return stopping;
  };

  try {
    if (!mongoUrl) {
      const mongod = findOnPath('mongod');
      const ferretdb = mongod ? undefined : findFerretDb();
      if (mongod) {
        kinds.mongo = 'mongod';
        components.push({
          name: 'mongod',
          fixedPorts: [opts.ports?.mongo],
          launch: ([port]) => {
            const dbPath = join(dataDir, 'mongod');
            mkdirSync(dbPath, { recursive: true });
            return new ManagedChild({
              name: 'mongod',
              command: mongod,
              args: ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1'],
              logFile: join(dataDir, 'mongod.log'),
            });
          },
          ready: (child, [port]) =>
            child.waitUntil('accepting connections', () => tcpConnects(port), READY_TIMEOUT_MS),
        });
      } else if (ferretdb) {
        kinds.mongo = 'ferretdb';
        const pg = await preparePostgres(persistent ? persistentDatabaseName(dataDir) : undefined);
        if (pg) cleanups.push(() => pg.drop());
        ferretDbBackend = pg ? 'postgresql' : 'sqlite';
        postgresUrl = pg?.url;
        components.push({
          name: 'ferretdb',
          fixedPorts: [opts.ports?.mongo],
          launch: ([port]) => {
            const sqliteDir = join(dataDir, 'ferretdb');
            const stateDir = join(dataDir, 'ferretdb-state');
            mkdirSync(sqliteDir, { recursive: true });
            mkdirSync(stateDir, { recursive: true });
            return new ManagedChild({
              name: 'ferretdb',
              command: ferretdb,
              args: [
                ...(pg
                  ? ['--handler=postgresql', `--postgresql-url=${pg.url}`]
                  : ['--handler=sqlite', `--sqlite-url=${sqliteDirUrl(sqliteDir)}`]),
                `--listen-addr=127.0.0.1:${port}`,
                // '-' disables the metrics/pprof listener (default 127.0.0.1:8088 collides between instances)
                '--debug-addr=-',
                `--state-dir=${stateDir}`,
                '--telemetry=disable',
                '--log-level=warn',
              ],
              logFile: join(dataDir, 'ferretdb.log'),
            });
          },
          ready: (child, [port]) =>
            child.waitUntil('accepting connections', () => tcpConnects(port), READY_TIMEOUT_MS),
        });
      } else {
        throw new Error(
          'No MongoDB-compatible server found: neither `mongod` nor `ferretdb` is on PATH, FERRETDB_BIN is not set ' +
            'and FerretDB was not built into the cache. Run `bash scripts/install-infra.sh` (or set MONGO_URL).',
        );
      }
    }

    if (!natsUrl) {
      const natsServer = findNatsServer();
      if (!natsServer) {
        throw new Error(
          `nats-server ${NATS_SERVER_VERSION} not found (NATS_SERVER_BIN, PATH, or built into the cache). ` +
            'Run `bash scripts/install-infra.sh` (or set NATS_URL and NATS_AUTH_ROOT).',
        );
      }
      kinds.nats = 'nats-server';
      const root = (natsAuth = opts.natsAuth ?? authRootFor(dataDir, persistent));
      const authConfig = await serverAuthConfig(root, { resolverDir: join(dataDir, 'nats-jwt') });
      components.push({
        name: 'nats-server',
        fixedPorts: [opts.ports?.nats, undefined],
        launch: ([port, monitorPort]) => {
          const storeDir = join(dataDir, 'nats');
          mkdirSync(storeDir, { recursive: true });
          mkdirSync(join(dataDir, 'nats-jwt'), { recursive: true });
          const configFile = join(dataDir, 'nats.conf');
          writeFileSync(
            configFile,
            [
              `listen: "127.0.0.1:${port}"`,
              `http: "127.0.0.1:${monitorPort}"`,
              `jetstream: { store_dir: ${JSON.stringify(storeDir)} }`,
              authConfig,
            ].join('\n'),
            { mode: 0o600 },
          );
          return new ManagedChild({
            name: 'nats-server',
            command: natsServer,
            args: ['-c', configFile],
            logFile: join(dataDir, 'nats.log'),
          });
        },
        ready: (child, [port, monitorPort]) =>
          child.waitUntil(
            'healthy with JetStream enabled',
            async () =>
              (await httpStatus(`http://127.0.0.1:${monitorPort}/healthz?js-enabled-only=true`)) ===
                200 && (await tcpConnects(port)),
            READY_TIMEOUT_MS,
          ),
      });
    }

    if (!redisUrl) {
      const redisServer = findOnPath('redis-server');
      if (!redisServer) {
        throw new Error(
          '`redis-server` is not on PATH. Run `bash scripts/install-infra.sh` (or set REDIS_URL).',
        );
      }
      kinds.redis = 'redis-server';
      components.push({
        name: 'redis-server',
        fixedPorts: [opts.ports?.redis],
        launch: ([port]) => {
          const dir = join(dataDir, 'redis');
          mkdirSync(dir, { recursive: true });
          return new ManagedChild({
            name: 'redis-server',
            command: redisServer,
            args: [
              '--port',
              String(port),
              '--bind',
              '127.0.0.1',
              '--save',
              '',
              '--appendonly',
              persistent ? 'yes' : 'no',
              '--dir',
              dir,
            ],
            logFile: join(dataDir, 'redis.log'),
          });
        },
        ready: (child, [port]) =>
          child.waitUntil('answering PING', () => redisPing(port), READY_TIMEOUT_MS),
      });
    }

    // Pick every free port in one go so that the components cannot get the same one.
    const wanted = components.map((c) => c.fixedPorts.filter((p) => p === undefined).length);
    const pool = await freePorts(wanted.reduce((a, b) => a + b, 0));
    const results = await Promise.allSettled(
      components.map((c, i) => startComponent(c, pool.splice(0, wanted[i]), children, log)),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;

    components.forEach((c, i) => {
      const [port] = (results[i] as PromiseFulfilledResult<number[]>).value;
      if (c.name === 'nats-server') natsUrl = `nats://127.0.0.1:${port}`;
      else if (c.name === 'redis-server') redisUrl = `redis://127.0.0.1:${port}`;
      else mongoUrl = `mongodb://127.0.0.1:${port}`;
    });
  } catch (err) {
    await stop();
    throw err;
  }

  log(
    `local infrastructure up in ${dataDir}: mongo=${kinds.mongo}${ferretDbBackend ? `/${ferretDbBackend}` : ''} nats=${kinds.nats} redis=${kinds.redis}`,
  );
  const restart = async (server: RestartableServer, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const component = components.find((c) => c.name === server);
    const running = component?.running;
    if (!component || !running) throw new Error(`${server} was not started here`);
    if (signal === 'SIGKILL') {
      running.child.proc.kill('SIGKILL');
      await running.child.exited;
    } else {
      await running.child.stop(STOP_GRACE_MS);
    }
    const child = component.launch(running.ports);
    children.push(child);
    await component.ready(child, running.ports);
    component.running = { child, ports: running.ports };
    log(`${server} restarted on port ${running.ports.join(', ')} (pid ${child.pid})`);
  };

  return {
    mongoUrl,
    natsUrl,
    natsAuth,
    redisUrl,
    dataDir,
    kinds,
    ferretDbBackend,
    postgresUrl,
    stop,
    restart,
  };
}

/** A persistent dataDir keeps its root (`nats-auth-root.json`, made once); else a fresh one. */
function authRootFor(dataDir: string, persistent: boolean): NatsAuthRoot {
  if (!persistent) return createAuthRoot();
  const file = join(dataDir, 'nats-auth-root.json');
  if (existsSync(file)) return parseAuthRoot(readFileSync(file, 'utf8'));
  const root = createAuthRoot();
  writeFileSync(file, serializeAuthRoot(root), { mode: 0o600 });
  return root;
}
export { freePorts, httpStatus, sleep } from './net';
export { RestartPolicy } from './restart-policy';
export type { RestartPolicyOptions } from './restart-policy';
