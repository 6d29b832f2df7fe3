import type { Command } from 'commander';
import { connect, type GlobalOptions } from '../context';
import { table } from '../output';

/** What the CLI reads of a delivery (`GET /v1/webhooks/:id/deliveries`); other fields pass through in --json. */
interface Delivery {
  id: string;
  status?: string;
  eventType?: string;
  type?: string;
  attempts?: number;
  responseStatus?: number | null;
  createdAt?: string;
  nextAttemptAt?: string | null;
}

export function registerWebhooks(program: Command, globals: () => GlobalOptions): void {
  const webhooks = program.command('webhooks').description('outbound webhooks');
  webhooks
    .command('deliveries <webhookId>')
    .description("a webhook's recent deliveries: status, attempts, the receiver's answer")
    .option('--limit <n>', 'how many', '50')
    .option('--cursor <cursor>', 'the next page (nextCursor of the previous one)')
    .action(async (webhookId: string, opts: { limit: string; cursor?: string }) => {
      const { sb, out } = connect(globals());
      const query = new URLSearchParams({ limit: opts.limit });
      if (opts.cursor) query.set('cursor', opts.cursor);
      // Not in the typed client until the webhooks routes are in docs/openapi.json.
      const response = await sb.request(
        `/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries?${query.toString()}`,
      );
      const page = (await response.json()) as { items: Delivery[]; nextCursor?: string | null };
      out.result(page, (p) =>
        [
          table(
            ['DELIVERY', 'EVENT', 'STATUS', 'ATTEMPTS', 'HTTP', 'CREATED'],
            p.items.map((d) => [
              d.id,
              d.eventType ?? d.type ?? '',
              d.status ?? '',
              String(d.attempts ?? ''),
              d.responseStatus == null ? '' : String(d.responseStatus),
              d.createdAt ?? '',
            ]),
          ),
          ...(p.nextCursor ? [`more: --cursor ${p.nextCursor}`] : []),
        ].join('\n'),
      );
    });
}
