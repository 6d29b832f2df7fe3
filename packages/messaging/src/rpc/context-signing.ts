import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * Signed request contexts (docs/decisions/0070-signed-rpc-context.md). The caller of an RPC
 * signs, with its process's Ed25519 key (node:crypto), the subject without the deployment
 * prefix, its name, the validity window, the canonical JSON of the context and a SHA-256 of the
 * canonical JSON of the input. The handler's side verifies against the public keys it trusts.
 *
 * Keys are text: a seed is the base64url of the 32-byte Ed25519 private seed, a public key the
 * base64url of the 32-byte public key (both 43 characters).
 */

/** How long a signature is good for after it was made. */
export const RPC_SIGNATURE_TTL_MS = 60_000;
/** Clock difference tolerated between the caller's and the handler's machine. */
export const RPC_CLOCK_SKEW_MS = 5_000;

/** What a signed request carries beside `ctx` and `input` (as `auth`). */
export interface RpcAuth {
  /** Format version of the signed message. */
  v: 1;
  /** Name of the signing process (`gateway`, `deals`, …), a key of the trusted list. */
  signer: string;
  /** Issued at and expires at, ms since the epoch. */
  iat: number;
  exp: number;
  /** base64url Ed25519 signature. */
  sig: string;
}

/** Why a request's context was refused. */
export type RpcAuthFailure =
  'unsigned' | 'malformed' | 'unknown_signer' | 'expired' | 'not_yet_valid' | 'bad_signature';

const SIGNER_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const KEY_TEXT = /^[A-Za-z0-9_-]{43}$/;
// DER framing of a raw 32-byte Ed25519 key (RFC 8410), so node:crypto can import it.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function rawKey(text: string, what: string): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  if (!KEY_TEXT.test(text) || bytes.length !== 32) {
    throw new Error(`${what} must be 32 bytes in base64url (43 characters)`);
  }
  return bytes;
}

function privateKeyOf(seed: string): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, rawKey(seed, 'an RPC signing seed')]),
    format: 'der',
    type: 'pkcs8',
  });
}

function publicKeyOf(publicKey: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, rawKey(publicKey, 'an RPC public key')]),
    format: 'der',
    type: 'spki',
  });
}

/** A fresh key pair: the seed for `RPC_SIGNING_SEED`, the public key for `RPC_TRUSTED_SIGNERS`. */
export function generateRpcKeyPair(): { seed: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
  return { seed: seed.toString('base64url'), publicKey: pub.toString('base64url') };
}

/** The public key that belongs to a seed. */
export function rpcPublicKeyOf(seed: string): string {
  const der = createPublicKey(privateKeyOf(seed)).export({ format: 'der', type: 'spki' });
  return der.subarray(SPKI_PREFIX.length).toString('base64url');
}

/** Whether a text is a usable seed (for config validation; says nothing about the seed). */
export function isRpcSeed(text: string): boolean {
  try {
    privateKeyOf(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * `RPC_TRUSTED_SIGNERS`: comma-separated `name=publicKey`. Throws on a malformed entry or a name
 * given twice.
 */
export function parseTrustedSigners(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of text.split(',').map((e) => e.trim())) {
    if (!entry) continue;
    const eq = entry.indexOf('=');
    const name = entry.slice(0, eq).trim();
    const key = entry.slice(eq + 1).trim();
    if (eq < 0 || !SIGNER_NAME.test(name)) throw new Error(`"${entry}" is not name=publicKey`);
    rawKey(key, `the public key of ${name}`);
    if (name in out) throw new Error(`${name} is listed twice`);
    out[name] = key;
  }
  return out;
}

/** `RPC_TRUSTED_SIGNERS` text for a map of names to public keys. */
export function formatTrustedSigners(signers: Record<string, string>): string {
  return Object.entries(signers)
    .map(([name, key]) => `${name}=${key}`)
    .join(',');
}

/**
 * JSON with object keys sorted at every level, and JSON's own rules otherwise (`toJSON`,
 * undefined members dropped): the caller's value and the handler's parsed copy of it give the
 * same text.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) sorted[k] = o[k];
    return sorted;
  });
}

function signedMessage(
  subject: string,
  auth: Omit<RpcAuth, 'sig'>,
  ctx: unknown,
  input: unknown,
): Buffer {
  const inputDigest = createHash('sha256').update(canonicalJson(input)).digest('base64url');
  return Buffer.from(
    [
      'switchboard-rpc-ctx',
      auth.v,
      subject,
      auth.signer,
      auth.iat,
      auth.exp,
      canonicalJson(ctx),
      inputDigest,
    ].join('\n'),
  );
}

/** Signs the contexts of the requests this process makes. */
export class RpcSigner {
  private readonly key: KeyObject;

  constructor(
    readonly name: string,
    seed: string,
    private readonly ttlMs = RPC_SIGNATURE_TTL_MS,
  ) {
    if (!SIGNER_NAME.test(name)) throw new Error(`"${name}" is not a valid RPC signer name`);
    this.key = privateKeyOf(seed);
  }

  /** `subject` without the deployment prefix, as the contract names it. */
  sign(subject: string, ctx: unknown, input: unknown, now = Date.now()): RpcAuth {
    const unsigned = { v: 1 as const, signer: this.name, iat: now, exp: now + this.ttlMs };
    const sig = sign(null, signedMessage(subject, unsigned, ctx, input), this.key);
    return { ...unsigned, sig: sig.toString('base64url') };
  }
}

/** Checks that a request's context was signed, for this subject, by a trusted process. */
export class RpcVerifier {
  private readonly keys = new Map<string, KeyObject>();

  /** `trusted`: signer name → public key (as in `RPC_TRUSTED_SIGNERS`). */
  constructor(trusted: Record<string, string>) {
    for (const [name, key] of Object.entries(trusted)) this.keys.set(name, publicKeyOf(key));
  }

  get signers(): string[] {
    return [...this.keys.keys()];
  }

  /**
   * Undefined when the request may be trusted, else why not. `request` is the payload as
   * received: `{ ctx, input, auth }`.
   */
  verify(
    subject: string,
    request: { ctx?: unknown; input?: unknown; auth?: unknown } | undefined,
    now = Date.now(),
  ): RpcAuthFailure | undefined {
    const auth = request?.auth as Partial<RpcAuth> | undefined;
    if (auth === undefined || auth === null) return 'unsigned';
    if (
      typeof auth !== 'object' ||
      auth.v !== 1 ||
      typeof auth.signer !== 'string' ||
      typeof auth.sig !== 'string' ||
      !Number.isSafeInteger(auth.iat) ||
      !Number.isSafeInteger(auth.exp)
    ) {
      return 'malformed';
    }
    const key = this.keys.get(auth.signer);
    if (!key) return 'unknown_signer';
    const iat = auth.iat as number;
    const exp = auth.exp as number;
    // A window longer than ours was not made by our signer (or makes a leak last too long).
    if (exp < iat || exp - iat > RPC_SIGNATURE_TTL_MS) return 'malformed';
    if (iat > now + RPC_CLOCK_SKEW_MS) return 'not_yet_valid';
    if (exp < now - RPC_CLOCK_SKEW_MS) return 'expired';
    const message = signedMessage(
      subject,
      { v: 1, signer: auth.signer, iat, exp },
      request?.ctx,
      request?.input,
    );
    const sig = Buffer.from(auth.sig, 'base64url');
    if (sig.length !== 64) return 'bad_signature';
    return verify(null, message, key, sig) ? undefined : 'bad_signature';
  }
}
