// Writes packages/sdk/src/openapi.ts, the SDK's types, from docs/openapi.json with
// openapi-typescript (`pnpm docs:sdk`). `--check` (in `pnpm docs:check`) fails when the committed
// file differs from what the document gives; `--from <url|file>` reads another document (the
// end-to-end test points it at a running gateway's /openapi.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const target = resolve(here, '../src/openapi.ts');

const HEADER = `// Generated from docs/openapi.json by packages/sdk/scripts/generate.mjs (pnpm docs:sdk).
// Do not edit: \`pnpm docs:check\` fails when this file and the document differ.
/* eslint-disable */
`;

async function readDocument(from) {
  if (/^https?:\/\//.test(from)) {
    const res = await fetch(from);
    if (!res.ok) throw new Error(`${from} answered ${res.status}`);
    return res.json();
  }
  return JSON.parse(readFileSync(from, 'utf8'));
}

const args = process.argv.slice(2);
const fromAt = args.indexOf('--from');
const from = fromAt >= 0 ? args[fromAt + 1] : resolve(root, 'docs/openapi.json');
const document = await readDocument(from);
const ast = await openapiTS(document, {
  // A request field with a default may be left out; a bare `type: object` holds anything.
  defaultNonNullable: false,
  emptyObjectsUnknown: true,
});
const options = (await prettier.resolveConfig(target)) ?? {};
const text = await prettier.format(HEADER + astToString(ast), { ...options, filepath: target });

if (args.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (committed !== text) {
    process.stderr.write(
      `packages/sdk/src/openapi.ts does not match ${fromAt >= 0 ? from : 'docs/openapi.json'}: run \`pnpm docs:sdk\` and commit it\n`,
    );
    process.exit(1);
  }
  process.stdout.write('packages/sdk/src/openapi.ts is up to date\n');
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
