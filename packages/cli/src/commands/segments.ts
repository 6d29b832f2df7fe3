import { readFileSync } from 'node:fs';
import { unwrap, type Schema } from '@switchboard/sdk';
import type { Command } from 'commander';
import { connect, type GlobalOptions } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { count } from '../output';

/** A filter given inline (`'{"field":…}'`) or from a file (`@filter.json`, `@-` for stdin). */
function readFilter(value: string): Record<string, unknown> {
  const text = value.startsWith('@')
    ? readFileSync(value === '@-' ? 0 : value.slice(1), 'utf8')
    : value;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  throw new CliError('--filter must be a JSON object (inline or @file)', EXIT.usage);
}

type Explanation = Schema<'SegmentExplanation'>;
type ExplainNode = { condition?: unknown; held?: boolean; actual?: unknown; children?: unknown[] };

/** One line per condition, indented by nesting: `✓`/`✗`, the condition, what the contact has. */
function conditionLines(node: ExplainNode | null | undefined, depth: number): string[] {
  if (!node) return [];
  const actual = node.actual === undefined ? '' : `  (contact: ${JSON.stringify(node.actual)})`;
  const line = `${'  '.repeat(depth)}${node.held ? '✓' : '✗'} ${JSON.stringify(node.condition ?? {})}${actual}`;
  return [
    line,
    ...(node.children ?? []).flatMap((c) => conditionLines(c as ExplainNode, depth + 1)),
  ];
}

function explanation(r: Explanation): string {
  const state = r.member
    ? `is in segment ${r.segmentId} (${r.via === 'explicit' ? 'explicitly included' : 'by rule'})`
    : `is not in segment ${r.segmentId}${r.explicit === 'exclude' ? ' (explicitly excluded)' : ''}`;
  return [`Contact ${r.contactId} ${state}`, ...conditionLines(r.conditions, 1)].join('\n');
}

export function registerSegments(program: Command, globals: () => GlobalOptions): void {
  const segments = program.command('segments').description('dynamic and static segments');

  segments
    .command('preview')
    .description('count and sample the contacts a filter selects now, without saving it')
    .requiredOption('--filter <json|@file>', 'the filter (JSON AST, see the API contract)')
    .action(async (opts: { filter: string }) => {
      const { sb, out } = connect(globals());
      const result = await unwrap(
        sb.api.POST('/v1/segments/preview', { body: { filter: readFilter(opts.filter) } }),
      );
      out.result(result, (r) =>
        [
          `${count(r.count)} contacts match`,
          ...r.sample.map((c) =>
            `  ${c.contactId}  ${c.displayName ?? ''}  ${c.email ?? ''}`.trimEnd(),
          ),
        ].join('\n'),
      );
    });

  segments
    .command('explain <segmentId> <contactId>')
    .description('why a contact is or is not in a segment: each condition, and rule or explicit')
    .action(async (segmentId: string, contactId: string) => {
      const { sb, out } = connect(globals());
      const result = await unwrap(
        sb.api.GET('/v1/segments/{id}/explain/{contactId}', {
          params: { path: { id: segmentId, contactId } },
        }),
      );
      out.result(result, explanation);
    });
}
