import { existsSync, openAsBlob, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { unwrap, type Schema } from '@switchboard/sdk';
import type { Command } from 'commander';
import { connect, type GlobalOptions } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { count } from '../output';
import { renderBar, StatusLine } from '../progress';
import { transientRetries } from '../retry';

type Report = Schema<'ImportReport'>;

interface ImportOptions {
  onDuplicate: 'skip' | 'merge' | 'overwrite';
  onMissingCompany: 'create' | 'skip' | 'fail';
  mapping?: string;
  delimiter?: string;
  pollMs: string;
}

/** `contacts.csv` → `contacts.failed.csv`, beside it. */
export function failedRowsPath(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.failed.csv`);
}

const finished = (r: Report) => r.status === 'completed' || r.status === 'failed';

function summary(r: Report, failedFile: string | undefined): string {
  if (r.status === 'failed') return `Import ${r.id} failed: ${r.error ?? 'unknown error'}`;
  const parts = [
    `${count(r.created)} created`,
    `${count(r.updated)} updated`,
    `${count(r.unchanged)} unchanged`,
    `${count(r.skipped)} skipped`,
    `${count(r.failed)} failed`,
  ];
  return [
    `Imported ${count(r.succeeded)} of ${count(r.total ?? r.processed)} rows (${parts.join(', ')}); import ${r.id}`,
    ...(failedFile ? [`Failed rows with their errors: ${failedFile}`] : []),
  ].join('\n');
}

export function registerContactsImport(contacts: Command, globals: () => GlobalOptions): void {
  contacts
    .command('import <file>')
    .description(
      'upload a CSV file, follow the import with a progress bar, write the failed rows to <file>.failed.csv',
    )
    .option(
      '--on-duplicate <mode>',
      'skip | merge | overwrite (an onDuplicate column wins)',
      'skip',
    )
    .option(
      '--on-missing-company <mode>',
      'a company cell naming no company: create | skip | fail',
      'create',
    )
    .option('--mapping <json>', 'JSON object {"<CSV header>": "<field>"}')
    .option('--delimiter <char>', 'the field separator (, ; tab |)')
    .option('--poll-ms <ms>', 'how often to ask for progress', '500')
    .action(async (file: string, opts: ImportOptions) => {
      const { sb, out } = connect(globals());
      if (!existsSync(file)) throw new CliError(`no such file: ${file}`, EXIT.usage);
      const query = new URLSearchParams({
        onDuplicate: opts.onDuplicate,
        onMissingCompany: opts.onMissingCompany,
      });
      if (opts.mapping) query.set('mapping', opts.mapping);
      if (opts.delimiter) query.set('delimiter', opts.delimiter === 'tab' ? '\t' : opts.delimiter);
      // A file-backed Blob: streamed from disk, never read into memory.
      const body = await openAsBlob(file);
      const accepted = (await (
        await sb.request(`/v1/imports?${query.toString()}`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv; charset=utf-8' },
          body,
        })
      ).json()) as { id: string };
      out.note(`Uploaded ${basename(file)} (${count(body.size)} bytes): import ${accepted.id}`);

      const line = new StatusLine();
      const poll = Math.max(50, Number(opts.pollMs) || 500);
      let report: Report;
      for (;;) {
        report = await transientRetries(() =>
          unwrap(
            sb.api.GET('/v1/imports/{id}', {
              params: { path: { id: accepted.id }, query: { limit: 1 } },
            }),
          ),
        );
        const state = {
          done: report.processed,
          total: report.total,
          fraction: report.bytes > 0 ? report.bytesRead / report.bytes : 0,
          elapsedMs: line.elapsedMs,
        };
        if (finished(report)) {
          if (!out.json) line.end(renderBar(state));
          break;
        }
        if (!out.json) line.update(renderBar(state), true);
        await sleep(poll);
      }

      let failedFile: string | undefined;
      if (report.failed > 0) {
        failedFile = failedRowsPath(file);
        const csv = await transientRetries(() =>
          sb.request(`/v1/imports/${encodeURIComponent(report.id)}/failed.csv`),
        );
        writeFileSync(failedFile, Buffer.from(await csv.arrayBuffer()));
      }
      const { rows: _rows, nextCursor: _next, columns: _columns, ...counts } = report;
      out.result({ ...counts, failedFile: failedFile ?? null }, () => summary(report, failedFile));
      if (report.status === 'failed') process.exitCode = EXIT.refused;
      else if (report.failed > 0) process.exitCode = EXIT.partial;
    });
}
