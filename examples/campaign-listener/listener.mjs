#!/usr/bin/env node
// A campaign system listening to Switchboard: prints every contact that joins or leaves a segment
// of its workspace, with the contact's channels (see README.md and docs/integrations.md).
//
//   node listener.mjs --creds ./campaign.creds --server nats://crm.example.com:4222 \
//     --workspace <workspaceId> --integration <integrationId> [--mode durable|core] [--json]
//
// Every option can come from the environment instead: NATS_CREDS, NATS_URL, WORKSPACE_ID,
// INTEGRATION_ID, LISTEN_MODE, NATS_PREFIX (only for deployments that set one), OUTPUT=json.
// The values are those `POST /v1/integrations` answered (id, workspaceId, natsUrl, creds).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AckPolicy, connect, credsAuthenticator, DeliverPolicy, JSONCodec } from 'nats';

const { values: args } = parseArgs({
  options: {
    creds: { type: 'string', default: process.env.NATS_CREDS },
    server: { type: 'string', default: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' },
    workspace: { type: 'string', default: process.env.WORKSPACE_ID },
    integration: { type: 'string', default: process.env.INTEGRATION_ID },
    prefix: { type: 'string', default: process.env.NATS_PREFIX ?? '' },
    mode: { type: 'string', default: process.env.LISTEN_MODE ?? 'durable' },
    json: { type: 'boolean', default: process.env.OUTPUT === 'json' },
  },
});
for (const required of ['creds', 'workspace', 'integration'])
  if (!args[required]) fail(`missing --${required}`);
if (!['durable', 'core'].includes(args.mode)) fail('--mode is durable or core');

const codec = JSONCodec();
// Names carry the deployment prefix with its dot as `_`: `staging.` → `staging_CRM_EVENTS`.
const names = args.prefix ? `${args.prefix.slice(0, -1).replace(/[^A-Za-z0-9_-]/g, '_')}_` : '';
const stream = `${names}CRM_EVENTS`;
const events = `${args.prefix}crm.${args.workspace}.>`;

const nc = await connect({
  servers: args.server.split(','),
  name: `campaign-listener ${args.integration}`,
  authenticator: credsAuthenticator(readFileSync(args.creds)),
  // Replies (consumer creation, fetches, acks) may only come back under the integration's inbox.
  inboxPrefix: `_INBOX_${names}${args.integration}`,
  maxReconnectAttempts: -1,
});
void watchStatus();
const stop = async () => {
  await nc.drain().catch(() => nc.close());
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

if (args.mode === 'core') await listenCore();
else await listenDurable();

/** At most once: only what happens while connected. */
async function listenCore() {
  const sub = nc.subscribe(`${args.prefix}crm.${args.workspace}.segment.member.*`);
  await nc.flush();
  ready();
  for await (const m of sub) show(codec.decode(m.data));
}

/**
 * At least once: a durable consumer named as the integration (the one it may create) on the
 * workspace's events; a restarted listener resumes after the last event it acknowledged.
 */
async function listenDurable() {
  const jsm = await nc.jetstreamManager({ checkAPI: false });
  await jsm.consumers.add(stream, {
    durable_name: args.integration,
    filter_subject: events,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    max_ack_pending: 1000,
  });
  const consumer = await nc.jetstream().consumers.get(stream, args.integration);
  const messages = await consumer.consume({ max_messages: 100 });
  ready();
  for await (const m of messages) {
    show(codec.decode(m.data));
    // Confirmed by the server before the next one: once acknowledged, never delivered again.
    await m.ackAck();
  }
}

/** `joined VIP customers: Ada Lovelace <contactId> email:ada@example.com (subscribed)` */
function show(event) {
  const kind = /^segment\.member\.(joined|left)$/.exec(event.type)?.[1];
  if (!kind) return; // the workspace's other events: contacts, deals, …
  const { segmentId, segmentName, contactId, via, contact } = event.data;
  if (args.json) {
    print({ event: kind, id: event.id, segmentId, segmentName, contactId, via, contact });
    return;
  }
  const channels = contact.channels
    .map((c) => {
      const state = c.suppressed ? 'suppressed' : c.subscribed ? 'subscribed' : 'unsubscribed';
      return `${c.type}:${c.value} (${state})`;
    })
    .join(', ');
  console.log(`${kind} ${segmentName}: ${contact.displayName} <${contactId}> ${channels}`);
}

function ready() {
  if (args.json) print({ event: 'ready', mode: args.mode });
  else console.log(`listening (${args.mode}) to ${events}`);
}

function print(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Permission errors and revocation are reported by the server asynchronously. */
async function watchStatus() {
  for await (const s of nc.status()) {
    if (s.type === 'error' || s.type === 'disconnect')
      console.error(`nats ${s.type}: ${String(s.data)}`);
  }
}

function fail(message) {
  console.error(`campaign-listener: ${message}`);
  process.exit(2);
}
