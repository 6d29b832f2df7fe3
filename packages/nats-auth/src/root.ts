import { readFileSync } from 'node:fs';
import { createAccount, createOperator, fromSeed, type KeyPair } from '@nats-io/nkeys';
import { signerOf } from './jwt';

/**
 * The keys a deployment's NATS trust rests on (decentralized JWT: operator → accounts → users).
 * Whoever holds it can mint any credentials: keep it as secret as a database password.
 * - operator: its JWT is in the server config; the identity key itself only signs that JWT
 * - operatorSigning: signs the account JWTs (SYS, APP) and their updates (revocations)
 * - systemAccount: `SYS`, the server's system account (pushing account JWTs)
 * - appAccount / appSigning: `APP`, where every Switchboard subject, stream and integration
 *   lives; its signing key signs every user JWT
 */
export interface NatsAuthRoot {
  operatorSeed: string;
  operatorSigningSeed: string;
  systemAccountSeed: string;
  appAccountSeed: string;
  appSigningSeed: string;
}

const FIELDS = [
  ['operatorSeed', 'SO'],
  ['operatorSigningSeed', 'SO'],
  ['systemAccountSeed', 'SA'],
  ['appAccountSeed', 'SA'],
  ['appSigningSeed', 'SA'],
] as const;

const seedText = (kp: KeyPair) => new TextDecoder().decode(kp.getSeed());

/** Fresh keys for a new deployment. */
export function createAuthRoot(): NatsAuthRoot {
  return {
    operatorSeed: seedText(createOperator()),
    operatorSigningSeed: seedText(createOperator()),
    systemAccountSeed: seedText(createAccount()),
    appAccountSeed: seedText(createAccount()),
    appSigningSeed: seedText(createAccount()),
  };
}

/** The root from its JSON text (as `serializeAuthRoot` writes it); every seed is checked. */
export function parseAuthRoot(json: string): NatsAuthRoot {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('NATS auth root: not JSON');
  }
  if (!raw || typeof raw !== 'object') throw new Error('NATS auth root: not an object');
  const root = {} as Record<string, string>;
  for (const [field, seedPrefix] of FIELDS) {
    const value = (raw as Record<string, unknown>)[field];
    if (typeof value !== 'string' || !value.startsWith(seedPrefix)) {
      throw new Error(`NATS auth root: ${field} must be an nkey seed starting with ${seedPrefix}`);
    }
    try {
      fromSeed(new TextEncoder().encode(value));
    } catch {
      throw new Error(`NATS auth root: ${field} is not a valid nkey seed`);
    }
    root[field] = value;
  }
  return root as unknown as NatsAuthRoot;
}

export function serializeAuthRoot(root: NatsAuthRoot): string {
  return JSON.stringify(Object.fromEntries(FIELDS.map(([field]) => [field, root[field]])), null, 2);
}

/**
 * The root from an environment value: the serialized JSON itself, or the path of a file holding
 * it (how `NATS_AUTH_ROOT` is given).
 */
export function loadAuthRoot(value: string): NatsAuthRoot {
  const text = value.trimStart().startsWith('{') ? value : readFileSync(value, 'utf8');
  return parseAuthRoot(text);
}

/** Public keys of the root (safe to show and log). */
export function authRootPublicKeys(root: NatsAuthRoot): {
  operator: string;
  operatorSigning: string;
  systemAccount: string;
  appAccount: string;
  appSigning: string;
} {
  return {
    operator: signerOf(root.operatorSeed).publicKey,
    operatorSigning: signerOf(root.operatorSigningSeed).publicKey,
    systemAccount: signerOf(root.systemAccountSeed).publicKey,
    appAccount: signerOf(root.appAccountSeed).publicKey,
    appSigning: signerOf(root.appSigningSeed).publicKey,
  };
}
