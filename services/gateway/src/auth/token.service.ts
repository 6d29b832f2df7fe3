import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTHeaderParameters } from 'jose';
import { z } from 'zod';
import { Id } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';

export const TOKEN_ISSUER = 'switchboard';
const ALG = 'HS256';

export interface TokenSettings {
  secret: string;
  keyId: string;
  accessTtlS: number;
  refreshTtlS: number;
  /** Milliseconds since the epoch; injectable so tests can travel in time. */
  now?: () => number;
}

export const AccessClaims = z.object({
  sub: Id,
  ws: Id,
  role: z.string().min(1).max(64),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type AccessClaims = z.infer<typeof AccessClaims>;

export interface IssuedRefreshToken {
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

/** Access tokens (JWT HS256 with a pinned `kid`) and opaque refresh tokens. */
export class TokenService {
  private readonly key: Uint8Array;
  private readonly now: () => number;

  constructor(private readonly settings: TokenSettings) {
    this.key = new TextEncoder().encode(settings.secret);
    this.now = settings.now ?? Date.now;
  }

  get accessTtlS(): number {
    return this.settings.accessTtlS;
  }

  signAccess(claims: { userId: string; workspaceId: string; role: string }): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT({ ws: claims.workspaceId, role: claims.role })
      .setProtectedHeader({ alg: ALG, kid: this.settings.keyId, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.settings.accessTtlS)
      .sign(this.key);
  }

  /** Only HS256 under our key id is accepted: `alg: none` or a foreign `kid` never reach the MAC check. */
  async verifyAccess(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(
        token,
        (header: JWTHeaderParameters) => this.keyFor(header),
        {
          algorithms: [ALG],
          issuer: TOKEN_ISSUER,
          typ: 'JWT',
          requiredClaims: ['sub', 'iat', 'exp'],
          currentDate: new Date(this.now()),
          clockTolerance: 5,
        },
      );
      return AccessClaims.parse(payload);
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired)
        throw new AppError('unauthenticated', 'access token expired');
      throw new AppError('unauthenticated', 'invalid access token', undefined, undefined, {
        cause: err,
      });
    }
  }

  /**
   * `<workspaceId>.<32 random bytes, base64url>`: the prefix lets a later refresh look the
   * token up inside its tenant; only the sha256 of the whole token is stored.
   */
  newRefreshToken(workspaceId: string): IssuedRefreshToken {
    const token = `${workspaceId}.${randomBytes(32).toString('base64url')}`;
    return {
      token,
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(this.now() + this.settings.refreshTtlS * 1000),
    };
  }

  private keyFor(header: JWTHeaderParameters): Uint8Array {
    if (header.kid !== this.settings.keyId) throw new Error(`unknown key id ${String(header.kid)}`);
    return this.key;
  }
}

export const hashRefreshToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
