import { Inject, Injectable, Logger } from '@nestjs/common';
import { connect, credsAuthenticator, type NatsConnection } from 'nats';
import type { IntegrationKind } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import {
  appAccountJwt,
  authRootPublicKeys,
  inboxPrefixFor,
  integrationUserCreds,
  loadAuthRoot,
  pushAccountJwt,
  systemUserCreds,
  type NatsAuthRoot,
} from '@switchboard/nats-auth';
import { CONFIG, Lifecycle } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';

/** Revoked NATS users: public key → unix seconds (credentials issued up to then are refused). */
export type RevocationList = Record<string, number>;

const LOOKUP_TIMEOUT_MS = 3000;

/** The claims part of a JWT, unverified: we only read back what the server holds. */
const revocationsIn = (jwt: string): RevocationList =>
  (
    JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      nats?: { revocations?: RevocationList };
    }
  ).nats?.revocations ?? {};

/**
 * NATS as the authority of integration credentials: issues user credentials signed by the
 * application account's signing key, and keeps the account's revocation list on the server
 * (account JWT pushed over a system-account connection). The only place holding the auth root.
 */
@Injectable()
export class NatsAccountsRepository {
  private readonly logger = new Logger('nats-accounts');
  private readonly root: NatsAuthRoot | null;
  private sys: Promise<NatsConnection> | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: GatewayConfig,
    lifecycle: Lifecycle,
  ) {
    this.root = config.NATS_AUTH_ROOT ? loadAuthRoot(config.NATS_AUTH_ROOT) : null;
    lifecycle.onStop(2, 'nats-sys', async () => {
      const sys = this.sys;
      this.sys = null;
      if (sys) await (await sys.catch(() => null))?.close();
    });
  }

  get configured(): boolean {
    return this.root !== null;
  }

  /** The deployment's subject prefix (NATS_PREFIX), part of every subject an integration uses. */
  get prefix(): string {
    return this.config.NATS_PREFIX;
  }

  /** The URL integrations are told to connect to (the public address of the NATS cluster). */
  get publicUrl(): string {
    return this.config.INTEGRATIONS_NATS_URL ?? this.config.NATS_URL;
  }

  /** The inbox prefix the integration's credentials allow replies under. */
  inboxPrefixOf(integrationId: string): string {
    return inboxPrefixFor(integrationId, this.config.NATS_PREFIX);
  }

  async issue(i: {
    integrationId: string;
    workspaceId: string;
    kind: IntegrationKind;
  }): Promise<{ creds: string; userPublicKey: string }> {
    return integrationUserCreds(this.required(), { ...i, prefix: this.config.NATS_PREFIX });
  }

  /** The revocations the server enforces now (empty when it has no account JWT to show). */
  async serverRevocations(): Promise<RevocationList> {
    const nc = await this.connection();
    const account = authRootPublicKeys(this.required()).appAccount;
    try {
      const reply = await nc.request(`$SYS.REQ.ACCOUNT.${account}.CLAIMS.LOOKUP`, undefined, {
        timeout: LOOKUP_TIMEOUT_MS,
      });
      const jwt = reply.string().trim();
      return jwt ? revocationsIn(jwt) : {};
    } catch (err) {
      this.logger.warn({ err }, 'could not read the application account JWT back');
      return {};
    }
  }

  /** Signs the application account JWT with exactly these revocations and pushes it. */
  async push(revocations: RevocationList): Promise<void> {
    const jwt = await appAccountJwt(this.required(), revocations);
    await pushAccountJwt(await this.connection(), jwt);
  }

  private required(): NatsAuthRoot {
    if (!this.root)
      throw new AppError('unavailable', 'integrations need NATS_AUTH_ROOT on the gateway');
    return this.root;
  }

  private connection(): Promise<NatsConnection> {
    if (!this.sys) {
      const root = this.required();
      this.sys = systemUserCreds(root).then((creds) =>
        connect({
          servers: this.config.NATS_URL.split(','),
          name: 'gateway-sys',
          authenticator: credsAuthenticator(new TextEncoder().encode(creds)),
          maxReconnectAttempts: -1,
        }),
      );
      // A failed first connect is retried on the next use, not cached forever.
      this.sys.catch(() => (this.sys = null));
    }
    return this.sys;
  }
}
