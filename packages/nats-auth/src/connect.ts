import { readFileSync } from 'node:fs';
import type { Authenticator } from 'nats';
import { signerOf } from './jwt';

/** What a connection needs to authenticate as a user: spread into nats `connect()` options. */
export interface NatsAuthOptions {
  authenticator?: Authenticator;
  /** The user's own inbox prefix (replies to its requests), when it has one. */
  inboxPrefix?: string;
}

/** The user JWT's claims in a credentials file's text (not verified: the server does that). */
export function credsClaims(creds: string): {
  sub: string;
  name: string;
  nats: { sub?: { allow?: string[] }; pub?: { allow?: string[] } };
} {
  const m = /-----BEGIN NATS USER JWT-----\s*\n\s*([A-Za-z0-9_.-]+)\s*\n/.exec(creds);
  if (!m) throw new Error('not a NATS credentials file (no user JWT block)');
  const payload = m[1].split('.')[1];
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ReturnType<
    typeof credsClaims
  >;
}

/**
 * nats.js's credsAuthenticator, signing the server's nonce with node's native ed25519 instead
 * of the pure-JS nkeys code (which derives the key pair again on every connect: ~1 s more per
 * service boot on a loaded 2-core machine).
 */
export function credsAuthenticatorNative(creds: string): Authenticator {
  const blocks = [...creds.matchAll(/-{3,}[^\n]*-{3,}\s*\n\s*(\S+)\s*\n\s*-{3,}/g)].map(
    (m) => m[1],
  );
  const [jwt, seed] = blocks;
  if (!jwt || !seed?.startsWith('SU'))
    throw new Error('not a NATS credentials file (JWT and user seed)');
  const nkey = credsClaims(creds).sub;
  const signer = signerOf(seed, nkey);
  return (nonce?: string) => ({
    jwt,
    nkey,
    sig: nonce
      ? Buffer.from(signer.sign(new TextEncoder().encode(nonce))).toString('base64url')
      : '',
  });
}

/**
 * The inbox prefix the creds' user may subscribe to (`_INBOX_<name>` from a `_INBOX_<name>.>`
 * permission; see inboxPrefixFor), or undefined when it has the standard `_INBOX.>` or none.
 */
export function inboxPrefixFromCreds(creds: string): string | undefined {
  const allow = credsClaims(creds).nats.sub?.allow ?? [];
  if (allow.includes('_INBOX.>')) return undefined;
  const own = allow.find((s) => /^_INBOX_[A-Za-z0-9_-]+\.>$/.test(s));
  return own?.slice(0, -2);
}

/**
 * Connection options for a credentials file's text: the authenticator, and the inbox prefix the
 * user must use (services and integrations may only read replies on their own; given, or read
 * from the creds' permissions).
 */
export function credsConnectionOptions(
  creds: string,
  inboxPrefix: string | undefined = inboxPrefixFromCreds(creds),
): NatsAuthOptions {
  return {
    authenticator: credsAuthenticatorNative(creds),
    ...(inboxPrefix ? { inboxPrefix } : {}),
  };
}

/** credsConnectionOptions of a creds file (NATS_CREDS); nothing when no file is given. */
export function credsFileConnectionOptions(path: string | undefined): NatsAuthOptions {
  return path ? credsConnectionOptions(readFileSync(path, 'utf8')) : {};
}
