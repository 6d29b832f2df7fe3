#!/usr/bin/env node
// RPC context signing keys for every Switchboard process (docs/decisions/0070): prints
// `.env` lines, one `RPC_SEED_<SERVICE>` (the process's RPC_SIGNING_SEED) per process and the
// `RPC_TRUSTED_SIGNERS` list that names them all. Needs Node only, not a build.
//
//   pnpm -s rpc-keys >> .env        # docker compose reads .env next to docker-compose.yml
//   kubectl -n switchboard create secret generic switchboard-rpc-keys \
//     --from-env-file=<(pnpm -s rpc-keys)
//
// The key format is the one of packages/messaging/src/rpc/context-signing.ts: base64url of the
// raw 32-byte Ed25519 seed, and of the raw 32-byte public key.
import { generateKeyPairSync } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export const RPC_SIGNERS = [
  'gateway',
  'contacts',
  'segments',
  'segment-worker',
  'deals',
  'tasks',
  'activity',
  'webhooks',
];

// Lengths of the DER framing (RFC 8410) in front of the raw keys.
const PKCS8_PREFIX_BYTES = 16;
const SPKI_PREFIX_BYTES = 12;

/** `{ seeds: {name: seed}, trusted: "name=publicKey,…" }` for fresh key pairs. */
export function rpcKeys(names = RPC_SIGNERS) {
  const seeds = {};
  const publicKeys = [];
  for (const name of names) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    seeds[name] = privateKey
      .export({ format: 'der', type: 'pkcs8' })
      .subarray(PKCS8_PREFIX_BYTES)
      .toString('base64url');
    const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX_BYTES);
    publicKeys.push(`${name}=${pub.toString('base64url')}`);
  }
  return { seeds, trusted: publicKeys.join(',') };
}

/** `RPC_SEED_SEGMENT_WORKER` for `segment-worker`. */
export const seedVariable = (name) => `RPC_SEED_${name.toUpperCase().replace(/-/g, '_')}`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { seeds, trusted } = rpcKeys();
  const lines = Object.entries(seeds).map(([name, seed]) => `${seedVariable(name)}=${seed}`);
  process.stdout.write(`${[...lines, `RPC_TRUSTED_SIGNERS=${trusted}`].join('\n')}\n`);
}
