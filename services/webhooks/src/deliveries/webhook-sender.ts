import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@switchboard/runtime';
import type { WebhooksConfig } from '../config';
import { AddressPolicy } from './address-policy';

/** What one attempt came to: an HTTP status, or no answer and why. */
export interface AttemptResult {
  responseCode: number | null;
  latencyMs: number;
  error: string | null;
  ok: boolean;
}

/** How long saving an endpoint waits for DNS. */
const LOOKUP_TIMEOUT_MS = 2000;

export class RefusedAddress extends Error {
  override readonly name = 'RefusedAddress';
}

/**
 * The HTTP edge of deliveries: one POST per attempt, no redirects followed, the address checked
 * against the policy on every connection (what DNS answers now, not when the endpoint was saved),
 * the answer read up to a few KiB, everything within one timeout.
 */
@Injectable()
export class WebhookSender {
  readonly policy: AddressPolicy;
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(@Inject(CONFIG) private readonly config: WebhooksConfig) {
    this.policy = new AddressPolicy(config.WEBHOOK_ALLOWED_ADDRESSES);
    const lookup = this.lookup;
    this.agents = {
      http: new http.Agent({ keepAlive: true, maxSockets: 64, lookup }),
      https: new https.Agent({ keepAlive: true, maxSockets: 64, lookup }),
    };
  }

  /** Why a URL may not be an endpoint (scheme, then every address its host resolves to). */
  async refusal(url: string): Promise<string | null> {
    const u = new URL(url);
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && this.config.WEBHOOK_ALLOW_HTTP)) {
      return 'must be an https:// URL';
    }
    if (u.username || u.password) return 'must not carry credentials';
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) return this.policy.refusal(host);
    // A resolver that does not answer must not hold the request past the caller's RPC timeout.
    const addresses = await new Promise<LookupAddress[]>((resolve) => {
      const timer = setTimeout(() => resolve([]), LOOKUP_TIMEOUT_MS);
      dnsLookup(host, { all: true }, (err, list) => {
        clearTimeout(timer);
        resolve(err ? [] : list);
      });
    });
    if (addresses.length === 0) return `${host} does not resolve`;
    for (const a of addresses) {
      const why = this.policy.refusal(a.address);
      if (why) return `${host} resolves to ${why}`;
    }
    return null;
  }

  async post(url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
    const started = performance.now();
    const done = (responseCode: number | null, error: string | null): AttemptResult => ({
      responseCode,
      error,
      latencyMs: Math.round(performance.now() - started),
      ok: responseCode !== null && responseCode >= 200 && responseCode < 300,
    });
    const u = new URL(url);
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && this.config.WEBHOOK_ALLOW_HTTP)) {
      return done(null, 'refused: must be an https:// URL');
    }
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const why = this.policy.refusal(host);
      if (why) return done(null, `refused: ${why}`);
    }
    const client = u.protocol === 'https:' ? https : http;
    return new Promise<AttemptResult>((resolve) => {
      let settled = false;
      const finish = (code: number | null, error: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(done(code, error));
      };
      const req = client.request(
        u,
        {
          method: 'POST',
          agent: u.protocol === 'https:' ? this.agents.https : this.agents.http,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'Switchboard-Webhooks/1',
          },
        },
        (res) => {
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            read += chunk.length;
            // Past the limit the answer is not worth the bytes: close and keep the status.
            if (read > this.config.WEBHOOK_RESPONSE_MAX_BYTES) {
              finish(res.statusCode ?? null, null);
              res.destroy();
            }
          });
          res.on('end', () => finish(res.statusCode ?? null, null));
          res.on('error', (err) => finish(res.statusCode ?? null, err.message));
        },
      );
      const timer = setTimeout(() => {
        finish(null, `timeout after ${this.config.WEBHOOK_TIMEOUT_MS} ms`);
        req.destroy();
      }, this.config.WEBHOOK_TIMEOUT_MS);
      req.on('error', (err) =>
        finish(null, err instanceof RefusedAddress ? `refused: ${err.message}` : err.message),
      );
      req.end(body);
    });
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** DNS lookup for the agents: a refused address fails the connection before it is made. */
  private readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      for (const a of addresses) {
        const why = this.policy.refusal(a.address);
        if (why) return callback(new RefusedAddress(`${hostname} resolves to ${why}`), '', 4);
      }
      if ((options as { all?: boolean }).all) {
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      }
      const first = addresses[0];
      callback(null, first.address, first.family);
    });
  };
}
