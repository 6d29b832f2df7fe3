import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTHeaderParameters } from 'jose';
import { z } from 'zod';
import { Id } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';

export const TOKEN_ISSUER = 'switchboard';
const ALG = 'HS256';

export interface TokenSettings {
  /** Verification keys by id; the first one signs. */
  keys: { kid: string; secret: string }[];
  accessTtlS: number;
  refreshTtlS: number;
  /** Milliseconds since the epoch; injectable so tests can travel in time. */
  now?: () => number;
}

export const AccessClaims = z.object({
  sub: Id,
  ws: Id,
  role: z.string().min(1).max(64),
  /** The session (refresh-token family) the token was issued for; logout revokes it. */
  sid: Id.optional(),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type AccessClaims = z.infer<typeof AccessClaims>;

export interface IssuedRefreshToken {
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

/**
 * Access tokens (JWT, HS256 pinned, `kid` from our key set) and opaque refresh tokens. Rotation:
 * put a new key first (it signs), keep the old one listed until its tokens have expired.
 */
export class TokenService {
  private readonly keys: Map<string, Uint8Array>;
  private readonly signingKid: string;
  private readonly now: () => number;

  constructor(private readonly settings: TokenSettings) {
    if (settings.keys.length === 0) throw new Error('TokenService needs at least one key');
    this.keys = new Map(settings.keys.map((k) => [k.kid, new TextEncoder().encode(k.secret)]));
    this.signingKid = settings.keys[0].kid;
    this.now = settings.now ?? Date.now;
  }

  get accessTtlS(): number {
    return this.settings.accessTtlS;
  }

  signAccess(claims: {
    userId: string;
    workspaceId: string;
    role: string;
    sessionId?: string;
  }): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    const sid = claims.sessionId ? { sid: claims.sessionId } : {};
    return new SignJWT({ ws: claims.workspaceId, role: claims.role, ...sid })
      .setProtectedHeader({ alg: ALG, kid: this.signingKid, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.settings.accessTtlS)
      .sign(this.keys.get(this.signingKid) as Uint8Array);
  }

  /**
   * Only HS256 under one of our key ids is accepted: `alg: none`, RS/ES tokens (whatever key they
   * claim) and unknown `kid`s never reach the MAC check.
   */
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
    const token = newWorkspaceToken(workspaceId);
    return {
      token,
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(this.now() + this.settings.refreshTtlS * 1000),
    };
  }

  private keyFor(header: JWTHeaderParameters): Uint8Array {
    const key = typeof header.kid === 'string' ? this.keys.get(header.kid) : undefined;
    if (!key) throw new Error(`unknown key id ${String(header.kid)}`);
    return key;
  }
}

export const hashRefreshToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** `<workspaceId>.<32 random bytes>`: refresh and invitation tokens, looked up inside their tenant. */
export const newWorkspaceToken = (workspaceId: string): string =>
  `${workspaceId}.${randomBytes(32).toString('base64url')}`;

/** The workspace id a token of `newWorkspaceToken` names (unverified: only a lookup hint). */
export const workspaceOfToken = (token: string): string | undefined => {
  const ws = token.split('.')[0];
  return Id.safeParse(ws).success ? ws : undefined;
};
