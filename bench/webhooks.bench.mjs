// Outbound webhooks: events per second delivered to a local receiver beside the rate at which
// CRM_EVENTS receives them, and the event → delivery latency (issue 18).
//
//   published   domain events published on CRM_EVENTS at a fixed rate (open loop, as outbox
//               relays would), one JetStream publish each, acknowledged by the stream.
//   delivered   the webhooks service (a child process, as deployed) consuming them: match the
//               workspace's endpoints, store a delivery, queue it on BullMQ, POST it signed to a
//               receiver on 127.0.0.1 that answers 200 at once, record the attempt. Rate =
//               events delivered / (first publish → last delivery); latency = event's publish
//               → its request at the receiver.
// Target: delivered ≥ 80 % of the published rate. `lost` = published − delivered (must be 0).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { percentile, round, sleep } from './lib/load.mjs';
import { startStack } from './lib/stack.mjs';

export const name = 'webhooks';
export const timeoutMs = 240_000;

const intEnv = (key, fallback, max) => {
  const value = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a positive integer`);
  return Math.min(value, max);
};

/** Events per second published, and for how long. */
const RATE = intEnv('BENCH_WEBHOOKS_RATE', 100, 5000);
const SECONDS = intEnv('BENCH_WEBHOOKS_SECONDS', 20, 600);
const WARMUP = intEnv('BENCH_WEBHOOKS_WARMUP', 50, 10_000);
/** Settings for the webhooks process (JSON), e.g. `{"WEBHOOK_CONCURRENCY":"128"}`. */
const WEBHOOKS_ENV = JSON.parse(process.env.BENCH_WEBHOOKS_ENV ?? '{}');
/** How long the run waits for the last deliveries once nothing new arrives. */
const STALL_MS = 30_000;

export async function run(ctx) {
  const { require } = ctx;
  const { WebhookReceiver, WEBHOOKS_TEST_ENV } = require('@switchboard/testing');
  const { RPC } = require('@switchboard/contracts');
  const { SubjectNamespace } = require('@switchboard/messaging');
  const { JSONCodec } = require('nats');
  ctx.params({ rate: RATE, seconds: SECONDS, warmup: WARMUP, webhooksEnv: WEBHOOKS_ENV });

  const receiver = await WebhookReceiver.start();
  receiver.keep = false;
  ctx.onCleanup(() => receiver.stop());
  const stack = await startStack(ctx, {
    services: ['gateway', 'webhooks'],
    env: { webhooks: { ...WEBHOOKS_TEST_ENV, ...WEBHOOKS_ENV } },
  });
  const { ns, rpc, workspaceId } = stack;
  await rpc.call(RPC.webhooks.create, stack.rpcCtx(randomUUID()), {
    url: receiver.url,
    events: ['contact.*'],
  });

  const subjects = new SubjectNamespace(ns.natsPrefix);
  const nc = await ns.natsConnect({ name: 'bench-webhooks' });
  ctx.onCleanup(() => nc.close());
  const js = nc.jetstream();
  const codec = JSONCodec();

  const publishedAt = new Map();
  const latencies = [];
  let lastDelivery = 0;
  let duplicates = 0;
  const seen = new Set();
  receiver.onRequest = (r) => {
    const id = JSON.parse(r.body).data.eventId;
    if (seen.has(id)) return void duplicates++;
    seen.add(id);
    const t = publishedAt.get(id);
    if (t === undefined) return;
    lastDelivery = performance.now();
    latencies.push(lastDelivery - t);
  };

  const publishOne = async (measured) => {
    const id = randomUUID();
    const event = {
      id,
      type: 'contact.updated',
      version: 1,
      workspaceId,
      occurredAt: new Date().toISOString(),
      actor: { type: 'user', id: 'bench' },
      aggregate: { type: 'contact', id: randomUUID(), version: 2 },
      data: { changes: [{ field: 'stage', from: 'lead', to: 'customer' }] },
    };
    if (measured) publishedAt.set(id, performance.now());
    await js.publish(subjects.event(workspaceId, event.type), codec.encode(event), { msgID: id });
    return id;
  };
  const drain = async (count) => {
    let last = seen.size;
    let since = performance.now();
    while (seen.size < count) {
      if (ctx.signal.aborted) return;
      await sleep(100);
      if (seen.size !== last) [last, since] = [seen.size, performance.now()];
      else if (performance.now() - since > STALL_MS) return;
    }
  };

  // Warm-up: connections, the consumer, the queue and the receiver's keep-alive sockets.
  await Promise.all(Array.from({ length: WARMUP }, () => publishOne(false)));
  await drain(WARMUP);
  ctx.log(`warm-up: ${seen.size}/${WARMUP} delivered`);

  const count = RATE * SECONDS;
  const ackLatencies = [];
  const pending = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    if (ctx.signal.aborted) break;
    const planned = t0 + (i * 1000) / RATE;
    const wait = planned - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(publishOne(true).then(() => ackLatencies.push(performance.now() - planned)));
  }
  await Promise.all(pending);
  const publishMs = performance.now() - t0;
  await drain(WARMUP + count);
  const deliverMs = lastDelivery - t0;
  const delivered = latencies.length;
  const lost = count - delivered;

  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const figure = (name_, events, ms, lat, extra = {}) => {
    const s = sorted(lat);
    return {
      name: name_,
      requests: events,
      ok: events,
      errors: 0,
      errorKinds: {},
      errorSamples: [],
      stoppedBy: 'count',
      rounds: 1,
      durationMs: round(ms, 1),
      rps: round(events / (ms / 1000), 1),
      p50Ms: round(percentile(s, 0.5), 2),
      p99Ms: round(percentile(s, 0.99), 2),
      maxMs: round(s[s.length - 1] ?? NaN, 2),
      ...extra,
    };
  };
  ctx.figure(figure('published (CRM_EVENTS, ack)', count, publishMs, ackLatencies));
  ctx.figure({
    ...figure('delivered (event → receiver)', delivered, deliverMs, latencies),
    baseline: 'published (CRM_EVENTS, ack)',
    errors: lost,
    errorKinds: lost > 0 ? { lost } : {},
    errorSamples: lost > 0 ? [`lost: ${lost} of ${count} events never reached the receiver`] : [],
  });
  const ratio = delivered / deliverMs / (count / publishMs);
  ctx.note(
    `delivered at ${round(ratio * 100, 0)} % of the publish rate (target ≥ 80 %); ` +
      `${count} events published at ${RATE}/s, ${delivered} delivered, lost ${lost}, ` +
      `duplicates ${duplicates}; p99 event → delivery ${round(percentile(sorted(latencies), 0.99), 0)} ms`,
  );
  stack.finish();
}
