#!/usr/bin/env node
// A messaging service reporting what happened to its messages: publishes `sent`, `opened` and
// `replied` (or the events you name) for one person to `messaging.<workspaceId>.<channel>.<event>`
// and waits for each JetStream acknowledgement (see README.md and docs/integrations.md).
//
//   node publisher.mjs --creds ./messaging.creds --server nats://crm.example.com:4222 \
//     --workspace <workspaceId> --integration <integrationId> --contact <contactId> \
//     [--address ada@example.com] [--channel email] [--events sent,opened,replied] \
//     [--campaign spring] [--message m-1] [--json]
//
// Options can come from the environment instead: NATS_CREDS, NATS_URL, WORKSPACE_ID,
// INTEGRATION_ID, NATS_PREFIX (only for deployments that set one), OUTPUT=json.
// Exits 0 when every event was acknowledged, 1 otherwise (e.g. a permission error).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect, credsAuthenticator, JSONCodec } from 'nats';

const { values: args } = parseArgs({
  options: {
    creds: { type: 'string', default: process.env.NATS_CREDS },
    server: { type: 'string', default: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' },
    workspace: { type: 'string', default: process.env.WORKSPACE_ID },
    integration: { type: 'string', default: process.env.INTEGRATION_ID },
    prefix: { type: 'string', default: process.env.NATS_PREFIX ?? '' },
    contact: { type: 'string' },
    address: { type: 'string' },
    channel: { type: 'string', default: 'email' },
    events: { type: 'string', default: 'sent,opened,replied' },
    campaign: { type: 'string' },
    message: { type: 'string', default: `m-${randomUUID()}` },
    json: { type: 'boolean', default: process.env.OUTPUT === 'json' },
  },
});
for (const required of ['creds', 'workspace', 'integration'])
  if (!args[required]) fail(`missing --${required}`);
if (!args.contact && !args.address) fail('name the person with --contact or --address');

const codec = JSONCodec();
// The inbox prefix carries the deployment prefix with its dot as `_` (`staging.` → `staging_`).
const names = args.prefix ? `${args.prefix.slice(0, -1).replace(/[^A-Za-z0-9_-]/g, '_')}_` : '';
const nc = await connect({
  servers: args.server.split(','),
  name: `messaging-publisher ${args.integration}`,
  authenticator: credsAuthenticator(readFileSync(args.creds)),
  // The publish acknowledgements come back as replies, only allowed under the integration's inbox.
  inboxPrefix: `_INBOX_${names}${args.integration}`,
});
// A refused publish is answered with an asynchronous permission error, not a failed request.
const refused = new Promise((_, reject) => {
  void (async () => {
    for await (const s of nc.status())
      if (s.type === 'error') reject(new Error(`refused by NATS: ${String(s.data)}`));
  })();
});
refused.catch(() => undefined);

const js = nc.jetstream();
let code = 0;
try {
  for (const [i, event] of args.events.split(',').entries()) {
    const payload = {
      // The CRM deduplicates by `id`: a retry after a lost acknowledgement must reuse it.
      id: `${args.message}-${event}`,
      occurredAt: new Date(Date.now() + i).toISOString(),
      ...(args.contact ? { contactId: args.contact } : {}),
      ...(args.address ? { address: args.address } : {}),
      ...(args.campaign ? { campaignId: args.campaign } : {}),
      messageId: args.message,
    };
    const subject = `${args.prefix}messaging.${args.workspace}.${args.channel}.${event}`;
    const ack = await Promise.race([
      js.publish(subject, codec.encode(payload), { msgID: payload.id, timeout: 5000 }),
      refused,
    ]);
    if (args.json) print({ event, id: payload.id, subject, stream: ack.stream, seq: ack.seq });
    else console.log(`${event}: ${payload.id} acknowledged by ${ack.stream} #${ack.seq}`);
  }
} catch (err) {
  code = 1;
  if (args.json) print({ error: String(err instanceof Error ? err.message : err) });
  console.error(`messaging-publisher: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await nc.close();
}
process.exit(code);

function print(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function fail(message) {
  console.error(`messaging-publisher: ${message}`);
  process.exit(2);
}
