import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SERVICES } from '@switchboard/testing';
import type { FuzzWorld } from './fuzz-world';
import {
  bodyTextOf,
  describeRequest,
  type FuzzRequest,
  type Operation,
  type RequestArbitraries,
} from './requests';

/**
 * Runs one operation's property: every generated request is sent to the gateway and its answer
 * must hold what any answer must hold (decision 76):
 * - no 5xx, and an answer at all;
 * - every 4xx is `application/problem+json` with a `code`;
 * - no answer to workspace A's actors holds workspace B's marker or a sealed B id;
 * - a path naming one of B's records is never answered 2xx;
 * - every process still answers its readiness probe after a 5xx or a lost answer.
 */
export interface FuzzSettings {
  /** The run's seed; each operation's seed is derived from it and the operation's key. */
  seed: number;
  runs: number;
  /** Per operation, shrinking included: the run stops (passing) when it is spent. */
  timeLimitMs: number;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  requestId?: string;
  error?: string;
  /** The gateway closed the connection on a body over its limit before reading it all. */
  closedOversize?: boolean;
}

/** The gateway's BODY_LIMIT_BYTES default; the fuzz world does not change it. */
const BODY_LIMIT_BYTES = 1024 * 1024;
/** How a client still writing a body sees a server that answered 413 and closed. */
const CLOSED_WHILE_WRITING = /EPIPE|ECONNRESET|UND_ERR_SOCKET|other side closed/;

/** A 32-bit seed for `key` under the run's seed (FNV-1a): operations do not share streams. */
export function seedFor(seed: number, key: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

export async function send(world: FuzzWorld, op: Operation, req: FuzzRequest): Promise<Answer> {
  const headers = { ...req.headers };
  // Logout ends the session it runs in: a user actor logs out of a fresh session of its own.
  if (op.key === 'POST /v1/auth/logout' && req.actor.session) {
    const fresh = await world.login(req.actor.session);
    if (fresh) headers.authorization = `Bearer ${fresh.accessToken}`;
  }
  const body = bodyTextOf(req);
  try {
    const res = await fetch(`${world.url}${req.url}`, {
      method: req.method,
      headers,
      body,
      signal: AbortSignal.timeout(30_000),
    });
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      text: await res.text(),
      requestId: res.headers.get('x-request-id') ?? undefined,
    };
  } catch (err) {
    const error = String((err as Error).cause ?? err);
    // Fastify answers 413 with `connection: close` as soon as content-length exceeds the limit,
    // without reading the body (RFC 9112 §9.6 allows it); fetch then fails on the write.
    // CSV uploads stream under their own, larger limit: a closed connection there is a fault.
    const oversize =
      body !== undefined &&
      !req.url.startsWith('/v1/imports') &&
      Buffer.byteLength(body) > BODY_LIMIT_BYTES;
    if (oversize && CLOSED_WHILE_WRITING.test(error))
      return { status: 0, contentType: '', text: '', closedOversize: true };
    return { status: 0, contentType: '', text: '', error };
  }
}

/** What is wrong with `answer` to `req`; empty when nothing is. */
export function problemsOf(world: FuzzWorld, req: FuzzRequest, answer: Answer): string[] {
  const out: string[] = [];
  if (answer.error) out.push(`no answer: ${answer.error}`);
  else if (answer.status >= 500)
    out.push(`answered ${answer.status} ${codeOf(answer) ?? ''}`.trim());
  else if (answer.status >= 400) {
    if (!answer.contentType.startsWith('application/problem+json'))
      out.push(`${answer.status} is not application/problem+json but "${answer.contentType}"`);
    else if (!codeOf(answer)) out.push(`${answer.status} problem has no code`);
  }
  const text = answer.text.toLowerCase();
  for (const needle of world.sealedNeedles)
    if (text.includes(needle.toLowerCase()))
      out.push(`answer holds workspace B's ${needle === world.marker ? 'marker' : `id ${needle}`}`);
  if (req.foreignPath && answer.status >= 200 && answer.status < 300)
    out.push(`answered ${answer.status} for a path naming a record of workspace B`);
  return out;
}

function codeOf(answer: Answer): string | undefined {
  try {
    const code = (JSON.parse(answer.text) as { code?: unknown }).code;
    return typeof code === 'string' && code.length > 0 ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Warning and error lines the services logged for `requestId` (or their last errors). */
export function logLinesFor(world: FuzzWorld, requestId: string | undefined, max = 4): string[] {
  const lines: string[] = [];
  for (const name of SERVICES) {
    const proc = world.platform.processes.get(name);
    if (!proc) continue;
    let text = '';
    try {
      text = readFileSync(proc.logFile, 'utf8');
    } catch {
      continue;
    }
    const all = text.split('\n');
    const errors = all.filter(
      (l) => /"level":(40|50|60)/.test(l) || /^\s*(Error|TypeError|RangeError)/.test(l),
    );
    const mine = requestId ? errors.filter((l) => l.includes(requestId)) : [];
    // Without a request id (an answer from the HTTP parser) no line can be tied to it.
    const chosen = mine;
    for (const l of chosen.slice(-max))
      lines.push(`[${name}] ${l.length > 600 ? `${l.slice(0, 600)}…` : l}`);
  }
  return lines.slice(0, max * 2);
}

interface Failure {
  request: FuzzRequest;
  answer: Answer;
  problems: string[];
  logs: string[];
  dead: string[];
}

/**
 * Runs the property for `op`; the report of its failure (seed, shrunk request, answer, service
 * log lines), or undefined when it held.
 */
export async function fuzzOperation(
  world: FuzzWorld,
  arbitraries: RequestArbitraries,
  op: Operation,
  settings: FuzzSettings,
): Promise<string | undefined> {
  const seed = seedFor(settings.seed, op.key);
  // After a process died, shrinking is pointless (every request fails for another reason):
  // later runs pass, and the request that found the death is the one reported.
  let crashed: Failure | undefined;
  let last: Failure | undefined;
  const property = fc.asyncProperty(arbitraries.requestOf(op), async (req) => {
    if (crashed) return true;
    const answer = await send(world, op, req);
    const problems = problemsOf(world, req, answer);
    if (problems.length === 0) return true;
    const dead: string[] = [];
    if (answer.error || answer.status >= 500)
      for (const name of SERVICES) if (!(await world.answers(name))) dead.push(name);
    last = { request: req, answer, problems, logs: logLinesFor(world, answer.requestId), dead };
    if (dead.length > 0) crashed = last;
    return false;
  });
  const details = await fc.check(property, {
    seed,
    numRuns: settings.runs,
    interruptAfterTimeLimit: settings.timeLimitMs,
  });
  if (!details.failed) return undefined;
  const failure = crashed ?? last;
  if (!failure)
    return `${op.key}: failed without a recorded request (${String(details.errorInstance)})`;
  return [
    `${op.key}: ${failure.problems.join('; ')}`,
    ...(failure.dead.length > 0
      ? [`  processes no longer answering: ${failure.dead.join(', ')}`]
      : []),
    `  replay: FUZZ_SEED=${settings.seed} (operation seed ${seed}, fast-check path "${details.counterexamplePath}")` +
      `${details.interrupted ? ', shrinking cut short by the time limit' : ''}`,
    `  ${crashed ? 'request' : 'shrunk request'}:`,
    ...describeRequest(failure.request)
      .split('\n')
      .map((l) => `    ${l}`),
    `  answer: ${failure.answer.status} ${failure.answer.contentType} ${failure.answer.text.slice(0, 300)}`,
    ...failure.logs.map((l) => `  log: ${l}`),
  ].join('\n');
}
