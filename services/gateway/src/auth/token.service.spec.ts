import { createHmac } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { AppError } from '@switchboard/errors';
import { hashRefreshToken, TokenService } from './token.service';

const SECRET = 'test-secret-test-secret-test-secret-!';
const T0 = Date.parse('2030-01-01T00:00:00Z');
const claims = { userId: 'u1', workspaceId: 'w1', role: 'member' };

const service = (over: Partial<ConstructorParameters<typeof TokenService>[0]> = {}) =>
  new TokenService({
    keys: [{ kid: 'k1', secret: SECRET }],
    accessTtlS: 900,
    refreshTtlS: 3600,
    now: () => T0,
    ...over,
  });

const rejects = async (token: string, verifier = service()) => {
  const err = await verifier.verifyAccess(token).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('unauthenticated');
  return err as AppError;
};

describe('TokenService', () => {
  it('round-trips its own access token', async () => {
    const token = await service().signAccess(claims);
    await expect(service().verifyAccess(token)).resolves.toEqual({
      sub: 'u1',
      ws: 'w1',
      role: 'member',
      iat: T0 / 1000,
      exp: T0 / 1000 + 900,
    });
  });

  it('rejects a tampered payload', async () => {
    const [h, , s] = (await service().signAccess(claims)).split('.');
    const forged = Buffer.from(
      JSON.stringify({
        sub: 'u1',
        ws: 'w1',
        role: 'owner',
        iss: 'switchboard',
        iat: T0 / 1000,
        exp: T0 / 1000 + 900,
      }),
    ).toString('base64url');
    await rejects(`${h}.${forged}.${s}`);
  });

  it('rejects a tampered signature', async () => {
    const token = await service().signAccess(claims);
    await rejects(token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'));
  });

  it('rejects alg "none"', async () => {
    const unsigned = new UnsecuredJWT({ ws: 'w1', role: 'owner' })
      .setSubject('u1')
      .setIssuer('switchboard')
      .setIssuedAt(T0 / 1000)
      .setExpirationTime(T0 / 1000 + 900)
      .encode();
    await rejects(unsigned);
  });

  it('rejects another key id, even signed with the same secret', async () => {
    await rejects(await service({ keys: [{ kid: 'k2', secret: SECRET }] }).signAccess(claims));
  });

  it('rejects another secret', async () => {
    await rejects(
      await service({ keys: [{ kid: 'k1', secret: 'x'.repeat(40) }] }).signAccess(claims),
    );
  });

  it('rejects HS512 under our kid and secret', async () => {
    const token = await new SignJWT({ ws: 'w1', role: 'owner' })
      .setProtectedHeader({ alg: 'HS512', kid: 'k1', typ: 'JWT' })
      .setSubject('u1')
      .setIssuer('switchboard')
      .setIssuedAt(T0 / 1000)
      .setExpirationTime(T0 / 1000 + 900)
      .sign(new TextEncoder().encode(SECRET));
    await rejects(token);
  });

  it('rejects an expired token with a message that says so', async () => {
    const token = await service().signAccess(claims);
    const err = await rejects(token, service({ now: () => T0 + 901_000 + 5_000 }));
    expect(err.message).toBe('access token expired');
  });

  it('rejects a token missing the workspace claim', async () => {
    const token = await new SignJWT({ role: 'owner' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1', typ: 'JWT' })
      .setSubject('u1')
      .setIssuer('switchboard')
      .setIssuedAt(T0 / 1000)
      .setExpirationTime(T0 / 1000 + 900)
      .sign(new TextEncoder().encode(SECRET));
    await rejects(token);
  });

  it('verifies tokens of every listed key and signs with the first (rotation)', async () => {
    const OLD = 'old-secret-old-secret-old-secret-old!!';
    const before = service({ keys: [{ kid: 'old', secret: OLD }] });
    const rotated = service({
      keys: [
        { kid: 'new', secret: SECRET },
        { kid: 'old', secret: OLD },
      ],
    });
    const oldToken = await before.signAccess(claims);
    await expect(rotated.verifyAccess(oldToken)).resolves.toMatchObject({ sub: 'u1' });
    const newToken = await rotated.signAccess(claims);
    expect(JSON.parse(Buffer.from(newToken.split('.')[0], 'base64url').toString())).toMatchObject({
      kid: 'new',
    });
    // Once the old key is removed, its tokens stop verifying; the new ones keep working.
    const after = service({ keys: [{ kid: 'new', secret: SECRET }] });
    await rejects(oldToken, after);
    await expect(after.verifyAccess(newToken)).resolves.toMatchObject({ sub: 'u1' });
  });

  it('rejects RS256, and HS/RS confusion (an HMAC made with the public key)', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const body = (alg: string) =>
      new SignJWT({ ws: 'w1', role: 'owner' })
        .setProtectedHeader({ alg, kid: 'k1', typ: 'JWT' })
        .setSubject('u1')
        .setIssuer('switchboard')
        .setIssuedAt(T0 / 1000)
        .setExpirationTime(T0 / 1000 + 900);
    await rejects(await body('RS256').sign(privateKey));
    const pem = await exportSPKI(publicKey);
    const hmacWithPublicKey = (alg: string) => {
      const header = Buffer.from(JSON.stringify({ alg, kid: 'k1', typ: 'JWT' })).toString(
        'base64url',
      );
      const payload = Buffer.from(
        JSON.stringify({
          sub: 'u1',
          ws: 'w1',
          role: 'owner',
          iss: 'switchboard',
          iat: T0 / 1000,
          exp: T0 / 1000 + 900,
        }),
      ).toString('base64url');
      const mac = createHmac('sha256', pem).update(`${header}.${payload}`).digest('base64url');
      return `${header}.${payload}.${mac}`;
    };
    await rejects(hmacWithPublicKey('RS256'));
    await rejects(hmacWithPublicKey('HS256'));
  });

  it('rejects garbage', async () => {
    await rejects('not-a-jwt');
  });

  it('issues refresh tokens bound to a workspace, stored only as a hash', () => {
    const a = service().newRefreshToken('w1');
    const b = service().newRefreshToken('w1');
    expect(a.token).toMatch(/^w1\.[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashRefreshToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.expiresAt.getTime()).toBe(T0 + 3600_000);
  });
});
