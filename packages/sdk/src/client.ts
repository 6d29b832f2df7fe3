import { randomUUID } from 'node:crypto';
import createClient, { type Client } from 'openapi-fetch';
import { unwrap } from './answer';
import { REFRESH_AHEAD_S, tokenExpiry, type Credentials, type Tokens } from './credentials';
import type { components, paths } from './openapi';
import { throwProblem } from './problem';

export type Session = components['schemas']['Session'];

export interface SwitchboardOptions {
  /** The gateway, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  credentials?: Credentials;
  /** Called with each new token pair (sign-up, login, refresh), e.g. to save it. */
  onTokens?: (tokens: Tokens) => unknown;
  /** Give every POST an `Idempotency-Key` unless the call set one (default true). */
  idempotencyKeys?: boolean;
  /** Another fetch implementation (tests, proxies). */
  fetch?: typeof fetch;
}

/** A fresh idempotency key: send the same one when retrying the same POST. */
export const idempotencyKey = (): string => randomUUID();

const PUBLIC_AUTH_PATH = /\/v1\/auth\/(signup|login|refresh|accept-invitation)$/;

/**
 * The Switchboard API client. `api` is the typed `openapi-fetch` client over every route of
 * docs/openapi.json; this class adds the credentials (an API key, or access tokens refreshed
 * ahead of expiry and once more on a 401), idempotency keys on POST, and `request` for raw
 * bodies (CSV uploads and downloads).
 */
export class Switchboard {
  readonly api: Client<paths>;
  private credentials: Credentials | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly send: typeof fetch;

  constructor(private readonly options: SwitchboardOptions) {
    this.credentials = options.credentials;
    this.send = options.fetch ?? fetch;
    this.api = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      fetch: (request) => this.authenticatedFetch(request),
    });
  }

  get baseUrl(): string {
    return this.options.baseUrl.replace(/\/+$/, '');
  }

  /** The current credentials (after refreshes). */
  get currentCredentials(): Credentials | undefined {
    return this.credentials;
  }

  useCredentials(credentials: Credentials | undefined): void {
    this.credentials = credentials;
  }

  /** Creates a workspace and its owner, and uses the new session from then on. */
  async signUp(body: components['schemas']['SignupInput']): Promise<Session> {
    return this.adopt(await unwrap(this.api.POST('/v1/auth/signup', { body })));
  }

  /** Logs in and uses the session from then on. */
  async login(body: components['schemas']['LoginInput']): Promise<Session> {
    return this.adopt(await unwrap(this.api.POST('/v1/auth/login', { body })));
  }

  /** Rotates the refresh token now (one refresh at a time, however many calls wait for it). */
  async refresh(): Promise<void> {
    this.refreshing ??= this.rotate().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /**
   * An authenticated request outside the typed client (raw bodies such as `text/csv`); a
   * non-2xx answer throws its `SwitchboardError`. `path` starts with `/v1/`.
   */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const request = new Request(`${this.baseUrl}${path}`, {
      ...init,
      ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    });
    const response = await this.authenticatedFetch(request);
    if (!response.ok) await throwProblem(response);
    return response;
  }

  private async adopt(session: Session): Promise<Session> {
    this.credentials = {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
    };
    await this.options.onTokens?.({
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
    });
    return session;
  }

  private async rotate(): Promise<void> {
    const refreshToken =
      this.credentials && 'refreshToken' in this.credentials
        ? this.credentials.refreshToken
        : undefined;
    if (!refreshToken) throw new Error('no refresh token to refresh the session with');
    const response = await this.send(`${this.baseUrl}/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!response.ok) await throwProblem(response);
    await this.adopt((await response.json()) as Session);
  }

  private canRefresh(): boolean {
    return (
      !!this.credentials && 'refreshToken' in this.credentials && !!this.credentials.refreshToken
    );
  }

  private authorize(request: Request): Request {
    const c = this.credentials;
    if (!c || request.headers.has('authorization')) return request;
    request.headers.set('authorization', `Bearer ${'apiKey' in c ? c.apiKey : c.accessToken}`);
    return request;
  }

  private async authenticatedFetch(request: Request): Promise<Response> {
    const isAuthRoute = PUBLIC_AUTH_PATH.test(new URL(request.url).pathname);
    if (
      request.method === 'POST' &&
      !isAuthRoute &&
      this.options.idempotencyKeys !== false &&
      !request.headers.has('idempotency-key')
    ) {
      request.headers.set('idempotency-key', idempotencyKey());
    }
    if (isAuthRoute) return this.send(request);
    const c = this.credentials;
    if (this.canRefresh() && c && 'accessToken' in c) {
      const exp = tokenExpiry(c.accessToken);
      if (exp !== undefined && exp - REFRESH_AHEAD_S <= Date.now() / 1000) await this.refresh();
    }
    // A streamed body cannot be sent twice: only small or empty bodies are kept for a retry.
    const replayable =
      request.body === null || !!request.headers.get('content-type')?.includes('json');
    const retry = replayable && this.canRefresh() ? request.clone() : undefined;
    const response = await this.send(this.authorize(request));
    if (response.status !== 401 || !retry) return response;
    await response.body?.cancel();
    await this.refresh();
    return this.send(this.authorize(retry));
  }
}
