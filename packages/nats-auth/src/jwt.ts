import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { fromSeed } from '@nats-io/nkeys';

/** An nkey that signs with node's native ed25519 (the pure-JS one takes ~30 ms a signature). */
export interface Signer {
  publicKey: string;
  sign(data: Uint8Array): Uint8Array;
}

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const signers = new Map<string, Signer>();

/** The signer of an nkey seed (`SO…`, `SA…`, `SU…`); cached per seed. */
export function signerOf(seed: string): Signer {
  let signer = signers.get(seed);
  if (!signer) {
    const kp = fromSeed(new TextEncoder().encode(seed));
    const raw = (kp as unknown as { getRawSeed(): Uint8Array }).getRawSeed();
    const key: KeyObject = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519, Buffer.from(raw)]),
      format: 'der',
      type: 'pkcs8',
    });
    signer = {
      publicKey: kp.getPublicKey(),
      sign: (data) => new Uint8Array(sign(null, data, key)),
    };
    if (signers.size > 1000) signers.clear();
    signers.set(seed, signer);
  }
  return signer;
}

const b64url = (text: string | Uint8Array) => Buffer.from(text).toString('base64url');

const HEADER = b64url(JSON.stringify({ typ: 'JWT', alg: 'ed25519-nkey' }));

/** Seconds since the epoch, as JWTs count time. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * A NATS JWT (v2): the header, the claims and the ed25519 signature of the issuer's nkey.
 * `@nats-io/jwt` encodes the same, but always stamps `iat` with the current time; the preloaded
 * account JWT needs a fixed one (see `serverAuthConfig`), hence these few lines.
 */
export function signJwt(
  claims: { sub: string; name: string; nats: Record<string, unknown> },
  signer: Signer,
  iat: number = nowSeconds(),
): string {
  const body: Record<string, unknown> = {
    jti: '',
    iat,
    iss: signer.publicKey,
    name: claims.name,
    sub: claims.sub,
    nats: { ...claims.nats, version: 2 },
  };
  // The id is a digest of the claims: the same claims issued at the same second are one JWT.
  body.jti = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  const payload = `${HEADER}.${b64url(JSON.stringify(body))}`;
  return `${payload}.${b64url(signer.sign(new TextEncoder().encode(payload)))}`;
}
