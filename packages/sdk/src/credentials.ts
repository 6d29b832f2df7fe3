/** What a client authenticates with: an API key, or a user session's token pair. */
export type Credentials = { apiKey: string } | { accessToken: string; refreshToken?: string };

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** Seconds before an access token's expiry when the client refreshes it before using it. */
export const REFRESH_AHEAD_S = 30;

/**
 * The expiry (epoch seconds) of a JWT access token, read without verifying it (the gateway
 * does that); undefined for anything that does not decode.
 */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? claims.exp : undefined;
  } catch {
    return undefined;
  }
}
