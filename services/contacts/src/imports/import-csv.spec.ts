import { Readable } from 'node:stream';
import { countRows, csvLine, csvRecords, MAX_RECORD_BYTES, type CsvRecord } from './import-csv';

const from = (text: string, piece = 7) =>
  Readable.from(
    Array.from({ length: Math.ceil(text.length / piece) }, (_, i) =>
      Buffer.from(text.slice(i * piece, (i + 1) * piece)),
    ),
  );

async function all(text: string, delimiter = ','): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of csvRecords(from(text), delimiter)) out.push(r);
  return out;
}
const shape = (r: CsvRecord) =>
  'error' in r ? { row: r.row, error: r.error } : { row: r.row, values: r.values };

describe('CSV records', () => {
  it('numbers rows after the header, across chunk boundaries, BOM and CRLF included', async () => {
    const records = await all('\ufeffname,email\r\nAda,"a@b.co"\r\n\r\n"Lovelace, Ada","x""y"\r\n');
    expect(records.map(shape)).toEqual([
      { row: 0, values: ['name', 'email'] },
      { row: 1, values: ['Ada', 'a@b.co'] },
      { row: 2, values: ['Lovelace, Ada', 'x"y'] },
    ]);
    expect(records[2].bytes).toBeGreaterThan(records[1].bytes);
  });

  it('is lenient: short and long rows, stray quotes inside a field, another delimiter', async () => {
    expect((await all('a;b\n1\n1;2;3\n4;5"6;7\n', ';')).map(shape)).toEqual([
      { row: 0, values: ['a', 'b'] },
      { row: 1, values: ['1'] },
      { row: 2, values: ['1', '2', '3'] },
      { row: 3, values: ['4', '5"6', '7'] },
    ]);
  });

  it('reports a quote never closed as a failed row, where reading ends', async () => {
    const records = await all('a,b\n1,2\n3,"4\n5,6\n');
    expect(records.map(shape)).toEqual([
      { row: 0, values: ['a', 'b'] },
      { row: 1, values: ['1', '2'] },
      { row: 2, error: expect.stringMatching(/quote is never closed/) },
    ]);
    expect(await countRows(from('a,b\n1,2\n3,"4\n5,6\n'), ',')).toBe(2);
  });

  it('stops at a record larger than the limit instead of holding the file', async () => {
    const huge = `a,b\n1,"${'x'.repeat(MAX_RECORD_BYTES + 10)}\n2,3\n`;
    const records = await all(huge);
    expect(records.map((r) => r.row)).toEqual([0, 1]);
    expect('error' in records[1] && records[1].error).toMatch(/longer than/);
  });

  it('counts data rows like the import reads them', async () => {
    expect(await countRows(from('a\n1\n\n2\n"3\n4"\n'), ',')).toBe(3);
    expect(await countRows(from('a\n'), ',')).toBe(0);
    expect(await countRows(from(''), ',')).toBe(0);
  });
});

describe('csvLine', () => {
  it('quotes only what needs it', () => {
    expect(csvLine(['a', 'b c', 'd,e', 'f"g', 'h\ni', ''], ',')).toBe(
      'a,b c,"d,e","f""g","h\ni",\r\n',
    );
    expect(csvLine(['d,e', 'f;g'], ';')).toBe('d,e;"f;g"\r\n');
  });
});
