import { credsAuthenticator, type ConnectionOptions } from 'nats';

/**
 * Connection options for a credentials file's text: the authenticator, and the user's inbox
 * prefix when it has one (services and integrations must use theirs, see inboxPrefixFor).
 */
export function credsConnectionOptions(
  creds: string,
  inboxPrefix?: string,
): Pick<ConnectionOptions, 'authenticator' | 'inboxPrefix'> {
  return {
    authenticator: credsAuthenticator(new TextEncoder().encode(creds)),
    ...(inboxPrefix ? { inboxPrefix } : {}),
  };
}
