import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new signing secret in the Standard Webhooks format: `whsec_` + base64 of 32 random bytes. */
export const newSecret = (): string => PREFIX + randomBytes(32).toString('base64');

const keyOf = (secret: string) =>
  Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');

/** `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` (Standard Webhooks). */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest();
  return `v1,${mac.toString('base64')}`;
}

/** The `webhook-signature` header: one signature per live secret, space-separated. */
export const signatureHeader = (
  secrets: string[],
  id: string,
  timestamp: number,
  body: string,
): string => secrets.map((s) => sign(s, id, timestamp, body)).join(' ');

/** What a receiver does: true when one of the header's signatures is the secret's. */
export function verify(
  secret: string,
  header: string,
  id: string,
  timestamp: number,
  body: string,
): boolean {
  const expected = Buffer.from(sign(secret, id, timestamp, body));
  return header.split(' ').some((candidate) => {
    const got = Buffer.from(candidate);
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}
