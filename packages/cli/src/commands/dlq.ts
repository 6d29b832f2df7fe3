import { unwrap, type Schema } from '@switchboard/sdk';
import type { Command } from 'commander';
import { connect, type GlobalOptions } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { table } from '../output';

type DeadLetter = Schema<'DeadLetter'>;
type ReplayResult = Schema<'ReplayDeadLettersResult'>;
const REASONS = ['invalid', 'rejected', 'exhausted', 'unpublishable', 'workspace_mismatch'];

interface ListOptions {
  consumer?: string;
  reason?: string;
  since?: string;
  until?: string;
  limit: string;
  cursor?: string;
  all?: boolean;
}

function listTable(items: DeadLetter[]): string {
  if (items.length === 0) return 'No dead letters.';
  return table(
    ['ID', 'PARKED', 'CONSUMER', 'REASON', 'SUBJECT', 'REPLAYED', 'ERROR'],
    items.map((d) => [
      d.id,
      d.deadLetteredAt,
      d.consumer,
      d.reason,
      d.subject,
      d.replay ? d.replay.replayedAt : '',
      (d.error ?? '').slice(0, 60),
    ]),
  );
}

/** `switchboard dlq list|replay`: the workspace's dead letters (owner only; docs/dead-letters.md). */
export function registerDlq(program: Command, globals: () => GlobalOptions): void {
  const dlq = program
    .command('dlq')
    .description('dead letters: messages the services could not process (owner only)');

  dlq
    .command('list')
    .description('list dead letters, oldest first')
    .option('--consumer <durable>', 'only those this consumer parked (e.g. activity-messaging)')
    .option('--reason <reason>', `only this reason (${REASONS.join(', ')})`)
    .option('--since <iso-time>', 'parked at or after this time')
    .option('--until <iso-time>', 'parked before this time')
    .option('--limit <n>', 'how many per page', '50')
    .option('--cursor <cursor>', 'the next page (nextCursor of the previous one)')
    .option('--all', 'follow the pages to the end')
    .action(async (opts: ListOptions) => {
      if (opts.reason && !REASONS.includes(opts.reason)) {
        throw new CliError(`--reason must be one of ${REASONS.join(', ')}`, EXIT.usage);
      }
      const { sb, out } = connect(globals());
      const items: DeadLetter[] = [];
      let cursor = opts.cursor;
      let nextCursor: string | null = null;
      do {
        const page = await unwrap(
          sb.api.GET('/v1/dead-letters', {
            params: {
              query: {
                limit: Number(opts.limit),
                ...(cursor ? { cursor } : {}),
                ...(opts.consumer ? { consumer: opts.consumer } : {}),
                ...(opts.reason ? { reason: opts.reason } : {}),
                ...(opts.since ? { since: opts.since } : {}),
                ...(opts.until ? { until: opts.until } : {}),
              } as never,
            },
          }),
        );
        items.push(...page.items);
        nextCursor = page.nextCursor;
        cursor = nextCursor ?? undefined;
      } while (opts.all && nextCursor);
      out.result({ items, nextCursor }, (r) =>
        [listTable(r.items), ...(r.nextCursor ? [`more: --cursor ${r.nextCursor}`] : [])].join(
          '\n',
        ),
      );
    });

  dlq
    .command('replay <ids...>')
    .description(
      'republish dead letters to the subjects they came from (each at most once); exit 0 when ' +
        'each is replayed (now or before), 4 when none was found, 6 when some were not',
    )
    .action(async (ids: string[]) => {
      const { sb, out } = connect(globals());
      const result: ReplayResult = await unwrap(
        sb.api.POST('/v1/dead-letters/replay', { body: { ids } }),
      );
      out.result(result, (r) =>
        table(
          ['ID', 'OUTCOME', 'REPLAYED AT', 'BY'],
          r.items.map((i) => [
            i.id,
            i.outcome,
            i.replay?.replayedAt ?? '',
            i.replay ? `${i.replay.replayedBy.type}:${i.replay.replayedBy.id}` : '',
          ]),
        ),
      );
      const outcomes = result.items.map((i) => i.outcome);
      if (outcomes.every((o) => o === 'not_found')) process.exitCode = EXIT.notFound;
      else if (outcomes.some((o) => o !== 'replayed' && o !== 'already_replayed'))
        process.exitCode = EXIT.partial;
    });
}
