import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gatewayService } from '../app.module';
import { GatewayConfig } from '../config';
import { routeTable } from '../http/route-table';
import { API_VERSION, openApiDocument } from './openapi-document';

/**
 * `pnpm docs:openapi` writes docs/openapi.json; `--check` (in `pnpm check`) fails when the
 * committed file differs from what the code generates. No infrastructure needed: the route
 * table is read from decorator metadata.
 */
const target = resolve(__dirname, '../../../../docs/openapi.json');
const config = GatewayConfig.parse({ JWT_SECRET: 'x'.repeat(32) });
const text = `${JSON.stringify(openApiDocument(routeTable(gatewayService(config).module), API_VERSION), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (committed !== text) {
    process.stderr.write(
      'docs/openapi.json is out of date: run `pnpm docs:openapi` and commit it\n',
    );
    process.exit(1);
  }
  process.stdout.write('docs/openapi.json is up to date\n');
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
