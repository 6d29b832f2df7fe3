// NATS authentication files for a deployment (decision 0067), from @switchboard/nats-auth:
//
//   node deploy/nats/setup.mjs setup <dir>    auth-root.json (made once), nats-server.conf,
//                                             creds/<user>.creds — what docker-compose's
//                                             nats-setup step runs (inside the gateway image:
//                                             node node_modules/@switchboard/nats-auth/dist/cli.js)
//   node deploy/nats/setup.mjs k8s [root]     Kubernetes Secrets as YAML (see deploy/README.md)
//
// Needs `pnpm build` first. NATS_PREFIX, NATS_STORE_DIR, NATS_RESOLVER_DIR as in the CLI.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const { main } = require('@switchboard/nats-auth/dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
