import { pipeline, type Readable } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';

/**
 * The largest record read: a quote that is never closed makes the rest of the file one field,
 * and reading stops there (the row fails) instead of holding the whole file in memory.
 */
export const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * One record of the file in order: row 0 is the header, row 1 the first data row. A record
 * csv-parse could not read carries the reason instead of values. `bytes`: read so far.
 */
export type CsvRecord =
  { row: number; values: string[]; bytes: number } | { row: number; error: string; bytes: number };

/**
 * Lenient on purpose, so that one bad row never stops the file: rows may have more or fewer
 * cells than the header (checked per row later), stray quotes inside a field are kept as text,
 * empty lines are skipped.
 */
const options = (delimiter: string) => ({
  delimiter,
  bom: true,
  info: true as const,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
  max_record_size: MAX_RECORD_BYTES,
});

/** Errors after which the rest of the file cannot be told apart from the broken record. */
const TERMINAL = new Set(['CSV_MAX_RECORD_SIZE', 'CSV_QUOTE_NOT_CLOSED']);

const reason = (err: CsvError | undefined): string => {
  if (err?.code === 'CSV_QUOTE_NOT_CLOSED')
    return 'a quote is never closed: the file cannot be read from this row on';
  if (err?.code === 'CSV_MAX_RECORD_SIZE')
    return `longer than ${MAX_RECORD_BYTES} bytes (a quote never closed?): the file cannot be read from this row on`;
  return `unreadable CSV: ${err?.message ?? 'unknown error'}`;
};

/**
 * The records of a CSV stream, parsed as they are read (csv-parse with backpressure: the
 * source is read only as fast as records are consumed). Reading ends at a record that makes the
 * rest unreadable (a quote never closed); stopping early destroys the source.
 */
export async function* csvRecords(source: Readable, delimiter: string): AsyncGenerator<CsvRecord> {
  const skipped: (CsvRecord & { terminal: boolean })[] = [];
  const reported = new Set<number>();
  const parser = parse({
    ...options(delimiter),
    on_skip: (err: CsvError | undefined) => {
      // `records` counts the records read before this one: with the header, the row number.
      const row = Number(err?.records ?? 0);
      if (reported.has(row)) return; // the same record, reported again per chunk
      reported.add(row);
      const terminal = TERMINAL.has(err?.code ?? '');
      skipped.push({ row, error: reason(err), bytes: Number(err?.bytes ?? 0), terminal });
    },
  });
  // Errors of the source (a failed read) reach the loop below through the parser.
  pipeline(source, parser, () => undefined);
  const drain = function* (before: number) {
    while (skipped.length > 0 && skipped[0].row < before) {
      const { terminal, ...record } = skipped.shift()!;
      yield record;
      if (terminal) return true;
    }
    return false;
  };
  for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    const row = item.info.records - 1;
    if (yield* drain(row)) {
      parser.destroy();
      return;
    }
    yield { row, values: item.record, bytes: item.info.bytes };
  }
  yield* drain(Infinity);
}

/** Data rows of a CSV stream (header excluded), counted with the same parser as the import. */
export async function countRows(source: Readable, delimiter: string): Promise<number> {
  let last = 0;
  for await (const record of csvRecords(source, delimiter)) last = record.row;
  return last;
}

const NEEDS_QUOTES = /["\r\n]/;

/** One CSV line (RFC 4180: cells with the delimiter, a quote or a line break are quoted). */
export function csvLine(cells: string[], delimiter: string): string {
  return (
    cells
      .map((c) =>
        NEEDS_QUOTES.test(c) || c.includes(delimiter) ? `"${c.replace(/"/g, '""')}"` : c,
      )
      .join(delimiter) + '\r\n'
  );
}
