import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './wait';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** `type` of the JSON body, for matching. */
  type: string;
  /** `Date.now()` when it arrived. */
  at: number;
  /** The status answered. */
  status: number;
}

/**
 * A real HTTP endpoint on 127.0.0.1 for webhook tests and benches: records every request and
 * answers what `answer` says (200 by default), e.g. 500 for the first attempts.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answer: (req: { type: string; body: string; count: number }) => number = () => 200;
  /** Called for every request (benches measure without keeping bodies). */
  onRequest?: (r: ReceivedWebhook) => void;
  keep = true;
  private counts = new Map<string, number>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let type = '';
        try {
          const parsed = (JSON.parse(body) as { type?: unknown }).type;
          type = typeof parsed === 'string' ? parsed : '';
        } catch {
          type = '';
        }
        const key = String(req.headers['webhook-id'] ?? '');
        const count = (receiver.counts.get(key) ?? 0) + 1;
        receiver.counts.set(key, count);
        const status = receiver.answer({ type, body, count });
        const r = { headers: req.headers, body, type, at: Date.now(), status };
        if (receiver.keep) receiver.received.push(r);
        receiver.onRequest?.(r);
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  waitFor(match: (r: ReceivedWebhook) => boolean, timeoutMs = 90_000): Promise<ReceivedWebhook> {
    return waitFor(() => this.received.find(match), { timeoutMs, what: 'a matching webhook' });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
