// Database round trips per operation: every service of a bench stack runs with
// DB_COMMAND_COUNTS=true and serves its driver's command counts at /health/db-commands; a
// benchmark takes a snapshot before and after a measured phase and divides the difference by
// the operations it made. Unlike a rate, the figure does not depend on how busy the machine was.
import { round } from './load.mjs';

/** What the stack sets on every service (see startStack). */
export const DB_COMMANDS_ENV = { DB_COMMAND_COUNTS: 'true' };

/** Command counts of the given services now: { service: { total, commands } }. */
export async function dbCommands(platform, services) {
  const out = {};
  for (const s of services) {
    const res = await fetch(`${platform.get(s).url}/health/db-commands`);
    if (!res.ok) throw new Error(`${s}: /health/db-commands answered ${res.status}`);
    out[s] = await res.json();
  }
  return out;
}

/** Round trips per operation between two snapshots, by service and command name. */
export function perOperation(before, after, operations) {
  const out = {};
  for (const [s, a] of Object.entries(after)) {
    const b = before[s] ?? { total: 0, commands: {} };
    const commands = {};
    for (const [name, n] of Object.entries(a.commands)) {
      const d = n - (b.commands[name] ?? 0);
      if (d > 0) commands[name] = round(d / operations, 6);
    }
    out[s] = { total: round((a.total - b.total) / operations, 6), commands };
  }
  return out;
}

/**
 * One line for the notes: `contacts 3.01 (find 1, insert 1, update 1.01); activity 0`. Batched
 * paths (well under one round trip per operation) are shown per 1,000 operations.
 */
export function describeRoundTrips(label, perOp) {
  const batched = Object.values(perOp).every(({ total }) => total < 0.1);
  const scale = batched ? 1000 : 1;
  const show = (n) => round(n * scale, batched ? 1 : 3);
  const parts = Object.entries(perOp).map(([s, { total, commands }]) => {
    const detail = Object.entries(commands)
      .map(([name, n]) => `${name} ${show(n)}`)
      .join(', ');
    return `${s} ${show(total)}${detail ? ` (${detail})` : ''}`;
  });
  const per = batched ? 'per 1,000 operations' : 'per operation';
  return `${label}: database round trips ${per}: ${parts.join('; ')}`;
}
