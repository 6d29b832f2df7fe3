import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * `sbk_<prefix>_<secret>`: `sbk_` makes a leaked key recognisable to secret scanners, the prefix
 * (16 hex) finds the row and is shown in listings, the secret (32 random bytes) is stored only as
 * its sha256. A fast hash is enough: the secret has 256 bits of entropy, nothing to brute-force.
 */
const FORMAT = /^sbk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  key: string;
  prefix: string;
  secretHash: string;
}

export function newApiKey(): NewApiKey {
  const prefix = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `sbk_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

export const looksLikeApiKey = (token: string): boolean => token.startsWith('sbk_');

export function parseApiKey(key: string): { prefix: string; secret: string } | undefined {
  const m = FORMAT.exec(key);
  return m ? { prefix: m[1], secret: m[2] } : undefined;
}

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
