import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asyncApiDocument } from './asyncapi-document';

export const EVENTS_DOC_VERSION = '0.1.0';

/**
 * `pnpm docs:asyncapi` writes docs/asyncapi.json; `--check` (in `pnpm docs:check`) fails when
 * the committed file differs from what the contracts generate.
 */
const target = resolve(__dirname, '../../../docs/asyncapi.json');
const text = `${JSON.stringify(asyncApiDocument(EVENTS_DOC_VERSION), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (committed !== text) {
    process.stderr.write(
      'docs/asyncapi.json is out of date: run `pnpm docs:asyncapi` and commit it\n',
    );
    process.exit(1);
  }
  process.stdout.write('docs/asyncapi.json is up to date\n');
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
