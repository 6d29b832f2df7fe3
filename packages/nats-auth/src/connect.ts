import { readFileSync } from 'node:fs';
import { credsAuthenticator, type Authenticator } from 'nats';

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
    authenticator: credsAuthenticator(new TextEncoder().encode(creds)),
    ...(inboxPrefix ? { inboxPrefix } : {}),
  };
}

/** credsConnectionOptions of a creds file (NATS_CREDS); nothing when no file is given. */
export function credsFileConnectionOptions(path: string | undefined): NatsAuthOptions {
  return path ? credsConnectionOptions(readFileSync(path, 'utf8')) : {};
}
