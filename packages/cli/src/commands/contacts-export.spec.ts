import { Readable } from 'node:stream';
import { CsvRecordCounter } from './contacts-export';

async function records(...chunks: string[]): Promise<number> {
  const counter = new CsvRecordCounter();
  Readable.from(chunks.map((c) => Buffer.from(c)))
    .pipe(counter)
    .resume();
  await new Promise((done) => counter.on('end', done));
  return counter.records;
}

describe('CSV record counting of an export stream', () => {
  it('counts lines, the header among them', async () => {
    expect(await records('email\r\na@b.co\r\nc@d.co\r\n')).toBe(3);
  });

  it('does not count line breaks inside quoted cells, across chunks', async () => {
    expect(await records('name,note\n"Ada","two\n', 'lines ""quoted"""\n', 'Bob,x\n')).toBe(3);
  });

  it('counts a last line without a line break', async () => {
    expect(await records('email\na@b.co')).toBe(2);
    expect(await records()).toBe(0);
  });
});
