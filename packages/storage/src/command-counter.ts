import type { Connection } from 'mongoose';

/**
 * Database round trips of one process, by command name (`insert`, `find`, `getMore`, `update`,
 * …), from the driver's command monitoring. For benchmarks: a cost per operation that does not
 * depend on how busy the machine was, so a regression shows up as a number.
 */
export class CommandCounter {
  private readonly counts = new Map<string, number>();

  /** Counts every command the connection's client sends from now on. */
  attach(connection: Connection): void {
    connection.getClient().on('commandStarted', (e: { commandName: string }) => {
      this.counts.set(e.commandName, (this.counts.get(e.commandName) ?? 0) + 1);
    });
  }

  /** Commands sent so far, by name, and their total. */
  snapshot(): { total: number; commands: Record<string, number> } {
    const commands = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    return { total, commands };
  }
}
