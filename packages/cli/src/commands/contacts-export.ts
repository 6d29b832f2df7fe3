import { createWriteStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Command } from 'commander';
import { connect, type GlobalOptions } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { count } from '../output';
import { renderCounter, StatusLine } from '../progress';
import { transientRetries } from '../retry';

/**
 * Counts CSV records as they stream past: line breaks outside quoted cells (a quoted cell may
 * hold line breaks; `""` inside one toggles twice and so changes nothing).
 */
export class CsvRecordCounter extends Transform {
  records = 0;
  private quoted = false;
  private last = -1;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (const byte of chunk) {
      if (byte === 0x22) this.quoted = !this.quoted;
      else if (byte === 0x0a && !this.quoted) this.records++;
      this.last = byte;
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.last !== -1 && this.last !== 0x0a) this.records++; // no final line break
    done();
  }
}

interface ExportOptions {
  q?: string;
  tags?: string;
  tagMode?: string;
  segment?: string;
  stage?: string;
  owner?: string;
  company?: string;
  status?: string;
  sort?: string;
  filter: string[];
  output?: string;
}

const collectPairs = (value: string, previous: string[]) => [...previous, value];

export function registerContactsExport(contacts: Command, globals: () => GlobalOptions): void {
  contacts
    .command('export')
    .description(
      'stream the filtered contacts as CSV to stdout (or --output), counting them on stderr',
    )
    .option('--q <text>', 'search names, e-mails and phones')
    .option('--tags <a,b>', 'tags (see --tag-mode)')
    .option('--tag-mode <mode>', 'any | all | none')
    .option('--segment <id>', 'members of a segment')
    .option('--stage <stage>', 'journey stage')
    .option('--owner <id>', 'owner id, me or none')
    .option('--company <id>', 'linked company')
    .option('--status <status>', 'active | archived')
    .option('--sort <sort>', 'createdAt, -updatedAt, lastTouchAt, displayName')
    .option(
      '--filter <key=value>',
      'any list filter, e.g. custom.plan=pro (repeatable)',
      collectPairs,
      [],
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (opts: ExportOptions) => {
      const { sb, out } = connect(globals());
      const query = new URLSearchParams();
      const named: [string, string | undefined][] = [
        ['q', opts.q],
        ['tags', opts.tags],
        ['tagMode', opts.tagMode],
        ['segmentId', opts.segment],
        ['stage', opts.stage],
        ['ownerId', opts.owner],
        ['companyId', opts.company],
        ['status', opts.status],
        ['sort', opts.sort],
      ];
      for (const [key, value] of named) if (value !== undefined) query.set(key, value);
      for (const pair of opts.filter) {
        const at = pair.indexOf('=');
        if (at <= 0) throw new CliError(`--filter takes key=value, not "${pair}"`, EXIT.usage);
        query.append(pair.slice(0, at), pair.slice(at + 1));
      }
      // Retried only before the first byte: a stream cut later cannot be resumed.
      const response = await transientRetries(() =>
        sb.request(`/v1/contacts/export${query.size ? `?${query.toString()}` : ''}`),
      );
      if (!response.body) throw new CliError('the export answered without a body');

      const counter = new CsvRecordCounter();
      const line = new StatusLine();
      const show = () =>
        line.update(
          renderCounter(Math.max(0, counter.records - 1), line.elapsedMs, 'contacts exported'),
        );
      counter.on('data', show);
      await pipeline(
        Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
        counter,
        opts.output ? createWriteStream(opts.output) : process.stdout,
      );
      const exported = Math.max(0, counter.records - 1); // the header line
      line.end(renderCounter(exported, line.elapsedMs, 'contacts exported'));
      if (out.json) process.stderr.write(`${JSON.stringify({ exported })}\n`);
      else if (!line.enabled) process.stderr.write(`Exported ${count(exported)} contacts\n`);
    });
}
