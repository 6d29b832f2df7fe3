// A lean HTTP/1.1 client for load: node:http with a keep-alive pool, one socket per request in
// flight. Lighter on the CPU than fetch, which matters when client and server share two cores.
import http from 'node:http';

export class HttpStatusError extends Error {
  constructor(status, method, path, text) {
    super(`${method} ${path} answered ${status}: ${text.slice(0, 200)}`);
    this.kind = `HTTP ${status}`;
    this.status = status;
  }
}

export function httpClient(baseUrl, { maxSockets, timeoutMs = 10_000 }) {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    throw new Error(`benchmarks only talk to this machine (got ${baseUrl})`);
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });

  /** Resolves with { status, json } for 2xx answers; rejects with HttpStatusError otherwise. */
  function request(method, path, { token, body } = {}) {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(payload);
      }
      const req = http.request(
        { host: url.hostname, port: url.port, method, path, headers, agent, timeout: timeoutMs },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode < 200 || res.statusCode >= 300) {
              reject(new HttpStatusError(res.statusCode, method, path, text));
              return;
            }
            try {
              resolve({ status: res.statusCode, json: text ? JSON.parse(text) : undefined });
            } catch (err) {
              reject(err);
            }
          });
        },
      );
      req.on('timeout', () => {
        const err = new Error(`${method} ${path}: no answer within ${timeoutMs} ms`);
        err.kind = 'HTTP timeout';
        req.destroy(err);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  return { request, close: () => agent.destroy() };
}
