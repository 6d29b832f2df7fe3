import { randomBytes } from 'node:crypto';
import { DEFAULT_ROLES, type DefaultRole, type Session } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { GatewayHarness, PASSWORD } from '../support/gateway-harness';

export type WorkspaceSide = 'same' | 'other';
export type OwnerVariant = 'own' | 'other' | 'unowned';

/**
 * The world the authorization matrix runs in: workspace A with one user per default role, one
 * API key per default role and a bystander member (the "other" owner), and workspace B (the
 * "other workspace") with its owner.
 */
export class MatrixWorld {
  private constructor(
    readonly h: GatewayHarness,
    readonly a: Record<DefaultRole, Session>,
    readonly bystander: Session,
    readonly b: Session,
    /** Secrets of workspace A's API keys, one bound to each default role. */
    readonly keys: Record<DefaultRole, string>,
  ) {}

  static async create(h: GatewayHarness): Promise<MatrixWorld> {
    const [aOwner, b] = await Promise.all([h.signUp('Matrix A'), h.signUp('Matrix B')]);
    const others = await Promise.all(
      DEFAULT_ROLES.filter((r) => r !== 'owner').map((r) => h.addMember(aOwner, r)),
    );
    const a = { owner: aOwner } as Record<DefaultRole, Session>;
    DEFAULT_ROLES.filter((r) => r !== 'owner').forEach((r, i) => (a[r] = others[i]));
    const keys = {} as Record<DefaultRole, string>;
    for (const role of DEFAULT_ROLES) {
      const res = await http<{ key: string }>(h.url, 'POST', '/v1/api-keys', {
        token: aOwner.accessToken,
        body: { name: `matrix-${role}`, role },
      });
      if (res.status !== 201) throw new Error(`API key for ${role}: ${res.status}`);
      keys[role] = res.body.key;
    }
    return new MatrixWorld(h, a, await h.addMember(aOwner, 'member'), b, keys);
  }

  get url(): string {
    return this.h.url;
  }

  /** The owner session of a workspace side: it creates that side's fixture records. */
  ownerOf(side: WorkspaceSide): Session {
    return side === 'same' ? this.a.owner : this.b;
  }

  /** The owner id a record gets for a variant, seen from `actor`. */
  ownerIdFor(variant: OwnerVariant, actor: Session): string | null {
    if (variant === 'own') return actor.user.id;
    if (variant === 'other') return this.bystander.user.id;
    return null;
  }

  /** A fresh session of the same user (for routes that end the session they run in). */
  async login(actor: Session): Promise<Session> {
    const res = await http<Session>(this.url, 'POST', '/v1/auth/login', {
      body: { email: actor.user.email, password: PASSWORD, workspaceId: actor.workspace.id },
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
    return res.body;
  }

  /** POSTs as `as` and returns the created record's id; fails loudly otherwise. */
  async create(as: Session, path: string, body: unknown): Promise<string> {
    const res = await http<{ id?: string; user?: { id: string } }>(this.url, 'POST', path, {
      token: as.accessToken,
      body,
    });
    if (res.status !== 201)
      throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }
}

export const unique = (): string => randomBytes(5).toString('hex');
