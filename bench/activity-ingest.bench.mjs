// P3: inbound messaging events per second, from the MESSAGING stream to stored timeline entries,
// next to a raw batched insert of the same entries in the same run.
//
//   ingest   the activity process (a child process, as deployed) consuming `messaging.>`:
//            validate, resolve the person (cached contacts lookups), insert the entries
//            (batched, unordered, deduplicated by id), apply bounce effects via contacts,
//            publish activity.recorded, ack. After a warm-up (lookups cached, as in a running
//            deployment), a round of events is published as fast as JetStream takes them; the
//            figure is the drain of what is left once the publisher is done (the service alone,
//            as the raw insert is alone), until the consumer has nothing pending or
//            unacknowledged. The whole window, publisher included, is in the notes.
//   cold     the same after a restart: the service is stopped, a backlog is published, the
//            clock runs from the moment it is ready (its lookup cache is empty).
//   raw      the same entries written with insertMany (unordered, same batch size) into a
//            collection of the activity database with the timeline's indexes: the storage floor.
// `lost` = events published − entries stored (must be 0); duplicates are counted too. The
// contacts service runs beside it (lookups, bounce effects, and its lastTouchAt consumer of
// activity.recorded), as in a deployment.
import { performance } from 'node:perf_hooks';
import {
  dbCommands,
  DB_COMMANDS_ENV,
  describeRoundTrips,
  perOperation,
} from './lib/db-commands.mjs';
import { round, sleep } from './lib/load.mjs';
import { RELAY_BENCH_ENV, startStack } from './lib/stack.mjs';

export const name = 'activity-ingest';

const intEnv = (key, fallback, max) => {
  const value = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a positive integer`);
  return Math.min(value, max);
};

/** Events of the measured rounds (split evenly), of the warm-up, and after a restart. */
const EVENTS = intEnv('BENCH_INGEST_EVENTS', 10_000, 200_000);
const WARMUP = intEnv('BENCH_INGEST_WARMUP', 1000, 20_000);
const COLD = intEnv('BENCH_INGEST_COLD', 2000, 50_000);
/** Settings for the activity process (JSON), e.g. `{"MESSAGING_BATCHES_IN_FLIGHT":"2"}`. */
const ACTIVITY_ENV = JSON.parse(process.env.BENCH_INGEST_ACTIVITY_ENV ?? '{}');
// One round by default: the contacts service's lastTouchAt consumer (one versioned write per
// touch) lags far behind ingestion, and its backlog would weigh on the next round.
const ROUNDS = intEnv('BENCH_INGEST_ROUNDS', 1, 10);
const CONTACTS = intEnv('BENCH_INGEST_CONTACTS', 200, 5000);
/** As the service's MESSAGING_BATCH_MAX default. */
const BATCH = 1000;
const DRAIN_STALL_MS = 30_000;
/** Longest wait for the other consumers (lastTouchAt, timelines) to finish before a phase. */
const QUIET_MAX_MS = 30_000;
const SERVICES = ['gateway', 'contacts', 'activity'];

/** The mix a campaign produces: mostly lifecycle events, few replies, rare bounces. */
const MIX = [
  ['sent', 25],
  ['delivered', 25],
  ['opened', 25],
  ['clicked', 15],
  ['replied', 9],
  ['bounced', 1],
];
const eventAt = (i) => {
  let k = i % 100;
  for (const [event, share] of MIX) {
    if (k < share) return event;
    k -= share;
  }
  return 'sent';
};

export async function run(ctx) {
  const { require, signal } = ctx;
  const { RPC } = require('@switchboard/contracts');
  const { SubjectNamespace } = require('@switchboard/messaging');
  const { headers: natsHeaders, JSONCodec } = require('nats');
  const mongoose = require('mongoose');
  const codec = JSONCodec();

  ctx.params({
    events: EVENTS,
    warmup: WARMUP,
    cold: COLD,
    activityEnv: ACTIVITY_ENV,
    rounds: ROUNDS,
    contacts: CONTACTS,
    batch: BATCH,
    mix: Object.fromEntries(MIX),
    services: SERVICES,
    mongo: ctx.infra.kinds.mongo,
  });
  const stack = await startStack(ctx, { services: SERVICES, maxSockets: 4 });
  const { ns, runId, rpc, rpcCtx, workspaceId, platform } = stack;
  const activity = platform.get('activity');
  // A restart keeps the stack's settings (round-trip counts, relay sweeps) under the bench's own.
  const activityEnv = { ...RELAY_BENCH_ENV, ...DB_COMMANDS_ENV, ...ACTIVITY_ENV };
  if (Object.keys(ACTIVITY_ENV).length > 0) {
    await activity.stop();
    await activity.start(activityEnv);
  }
  /** Round trips are counted in the activity process and in contacts (lookups, effects, lastTouchAt). */
  const counted = ['activity', 'contacts'];
  const subjects = new SubjectNamespace(ns.natsPrefix);

  const nc = await ns.natsConnect({ name: 'bench-ingest' });
  ctx.onCleanup(() => nc.close());
  const js = nc.jetstream();
  const jsm = await nc.jetstreamManager();
  const conn = mongoose.createConnection(ns.mongoUrl, {
    dbName: ns.db('activity'),
    maxPoolSize: 20,
  });
  ctx.onCleanup(() => conn.close());
  await conn.asPromise();
  const entries = conn.db.collection('timeline_entries');
  const raw = conn.db.collection('bench_raw_timeline');
  // The timeline's indexes (services/activity timeline-entry.schema.ts).
  await raw.createIndex(
    { workspaceId: 1, anchorType: 1, anchorId: 1, hidden: 1, occurredAt: -1, _id: -1 },
    { name: 'timeline_read' },
  );

  const contacts = [];
  const tc = performance.now();
  for (let i = 0; i < CONTACTS; i++) {
    contacts.push(
      await rpc.call(RPC.contacts.create, rpcCtx(`bench-ingest-${i}`), {
        displayName: `Ingest ${i}`,
        channels: [{ type: 'email', value: `ingest-${runId}-${i}@example.com` }],
      }),
    );
  }
  ctx.log(`${CONTACTS} contacts in ${round(performance.now() - tc, 0)} ms`);
  const perRound = Math.floor(EVENTS / ROUNDS);
  const payloadOf = (round_, i) => {
    const contact = contacts[i % CONTACTS];
    const event = eventAt(i);
    return {
      event,
      payload: {
        id: `bench-${runId}-${round_}-${i}`,
        occurredAt: new Date(Date.UTC(2026, 0, 1) + round_ * 1e8 + i * 1000).toISOString(),
        // A third named by address (a lookup the first time), the rest by contact id.
        ...(i % 3 === 0 ? { address: contact.channels[0].value } : { contactId: contact.id }),
        campaignId: `cmp-${round_}`,
        messageId: `msg-${i}`,
        ...(event === 'bounced' ? { detail: { bounceType: 'hard' } } : {}),
      },
    };
  };
  /** The entry the service stores for an event (services/activity messaging-entry.ts). */
  const entryOf = (round_, i) => {
    const { event, payload } = payloadOf(round_, i);
    const contactId = contacts[i % CONTACTS].id;
    return {
      _id: `rawmsg:${workspaceId}:${payload.id}`,
      workspaceId,
      anchorType: 'contact',
      anchorId: contactId,
      contactId,
      type: `email.${event}`,
      occurredAt: new Date(payload.occurredAt),
      actor: { type: 'service', id: 'messaging.email' },
      summary: `Email ${event} (campaign ${payload.campaignId})`,
      detailJson: JSON.stringify({
        channel: 'email',
        event,
        direction: event === 'replied' ? 'inbound' : 'outbound',
        address: payload.address ?? null,
        campaignId: payload.campaignId,
        messageId: payload.messageId,
        data: payload.detail ?? {},
      }),
      sourceEventId: payload.id,
      refId: null,
      hidden: false,
      recordedAt: new Date(),
    };
  };

  const consumerName = 'activity-messaging';
  const messagingStream = subjects.stream('messaging').name;
  const backlog = async () => {
    const info = await jsm.consumers.info(messagingStream, consumerName);
    return info.num_pending + info.num_ack_pending;
  };
  /** Waits (bounded) until every consumer of this namespace is done, before a measured phase. */
  const quiet = async (phase) => {
    const started = performance.now();
    let pending = {};
    while (!signal.aborted && performance.now() - started < QUIET_MAX_MS) {
      pending = {};
      for await (const s of await jsm.streams.list()) {
        if (!s.config.name.startsWith(`${ns.id}_`)) continue;
        for await (const c of await jsm.consumers.list(s.config.name)) {
          const left = c.num_pending + c.num_ack_pending;
          if (left > 0) pending[c.name] = left;
        }
      }
      if (Object.keys(pending).length === 0) return;
      await sleep(200);
    }
    ctx.note(`${phase}: not quiet after ${QUIET_MAX_MS} ms: ${JSON.stringify(pending)}`);
  };

  const publish = async (r, count) => {
    for (let k = 0; k < count; k += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, count - k) }, (_, j) => {
          const { event, payload } = payloadOf(r, k + j);
          return js.publish(
            subjects.messaging(workspaceId, 'email', event),
            codec.encode(payload),
            {
              headers: natsHeaders(),
            },
          );
        }),
      );
    }
  };
  /** Waits until the consumer has nothing pending or unacknowledged; false if it stalled. */
  const drained = async (label, t0) => {
    let last = { at: performance.now(), left: Infinity };
    let logged = 0;
    for (;;) {
      if (signal.aborted) return false;
      const left = await backlog();
      if (left === 0) return true;
      if (left < last.left) last = { at: performance.now(), left };
      if (performance.now() - last.at > DRAIN_STALL_MS) {
        ctx.note(`${label}: the consumer stalled with ${left} messages left`);
        return false;
      }
      if (performance.now() - t0 > logged + 5000) {
        logged += 5000;
        ctx.log(`${label}: ${left} left after ${round((performance.now() - t0) / 1000, 1)} s`);
      }
      await sleep(20);
    }
  };

  let published = 0;
  // Warm-up: the contact lookups are cached from here on, as in a running deployment.
  await publish(-1, WARMUP);
  published += WARMUP;
  await drained('warm-up', performance.now());

  let serviceMs = 0;
  let serviceEvents = 0;
  let windowMs = 0;
  let windowEvents = 0;
  let rawMs = 0;
  let rawEvents = 0;
  const roundTrips = [];
  for (let r = 0; r < ROUNDS && !signal.aborted; r++) {
    // -- raw batched insert of the same entries --------------------------------------------
    await quiet(`round ${r} raw`);
    const docs = Array.from({ length: perRound }, (_, i) => entryOf(r, i));
    const t0 = performance.now();
    for (let k = 0; k < docs.length; k += BATCH) {
      await raw.insertMany(docs.slice(k, k + BATCH), { ordered: false });
    }
    rawMs += performance.now() - t0;
    rawEvents += docs.length;

    // -- the running service: publish as fast as possible, until it has drained. The figure
    // is the drain after the last publish (the service alone, like the raw insert); the
    // whole window, with the publisher competing for the cores, is noted too.
    // (What is left is asked of JetStream: counting entries would scan the collection the
    // service is inserting into.)
    await quiet(`round ${r}`);
    const commandsBefore = await dbCommands(platform, counted);
    const t1 = performance.now();
    await publish(r, perRound);
    published += perRound;
    const t2 = performance.now();
    const backlogEvents = await backlog();
    await drained(`round ${r}`, t1);
    const t3 = performance.now();
    roundTrips.push(perOperation(commandsBefore, await dbCommands(platform, counted), perRound));
    serviceMs += t3 - t2;
    serviceEvents += backlogEvents;
    windowMs += t3 - t1;
    windowEvents += perRound;
    ctx.log(
      `round ${r}: ${round(backlogEvents / ((t3 - t2) / 1000), 0)} events/s from the backlog ` +
        `(${backlogEvents} events), ${round(perRound / ((t3 - t1) / 1000), 0)} events/s overall`,
    );
  }

  const figure = (name_, events, ms, extra = {}) => ({
    name: name_,
    requests: events,
    ok: events,
    errors: 0,
    errorKinds: {},
    errorSamples: [],
    stoppedBy: 'count',
    rounds: ROUNDS,
    durationMs: round(ms, 1),
    rps: round(events / (ms / 1000), 1),
    p50Ms: null,
    p99Ms: null,
    ...extra,
  });
  /** Events published and not on a timeline, and entries stored twice. */
  const accounting = async () => {
    const all = { workspaceId, sourceEventId: { $regex: `^bench-${runId}-` } };
    const distinct = (await entries.distinct('sourceEventId', all)).length;
    return {
      distinct,
      lost: published - distinct,
      duplicates: (await entries.countDocuments(all)) - distinct,
    };
  };
  const steady = await accounting();
  ctx.figure(figure('raw batched insert', rawEvents, rawMs));
  ctx.figure({
    ...figure('ingest (JetStream → timeline)', serviceEvents, serviceMs),
    baseline: 'raw batched insert',
    errors: steady.lost,
    errorKinds: steady.lost > 0 ? { lost: steady.lost } : {},
    errorSamples:
      steady.lost > 0 ? [`lost: ${steady.lost} of ${published} events have no timeline entry`] : [],
  });
  const ratio = serviceEvents / serviceMs / (rawEvents / rawMs);
  ctx.note(
    `ingest at ${round(ratio * 100, 0)} % of the raw insert rate (target ≥ 70 %); with the ` +
      `publisher running beside it ${round(windowEvents / (windowMs / 1000), 0)} events/s; ` +
      `${published} events published, ${steady.distinct} recorded, lost ${steady.lost}, ` +
      `duplicates ${steady.duplicates}`,
  );

  for (const [r, perOp] of roundTrips.entries())
    ctx.note(describeRoundTrips(`round ${r}, per inbound event (publish and drain)`, perOp));

  // -- after a restart: a backlog, cold lookups --------------------------------------------
  await quiet('cold');
  await activity.stop();
  await publish(ROUNDS, COLD);
  published += COLD;
  const contactsBefore = await dbCommands(platform, ['contacts']);
  await activity.start(activityEnv);
  const tc0 = performance.now();
  const atReady = await backlog();
  await drained('cold', tc0);
  const coldMs = performance.now() - tc0;
  ctx.note(
    describeRoundTrips(
      'after the restart, per inbound event (start and drain)',
      perOperation(
        { ...contactsBefore, activity: { total: 0, commands: {} } },
        await dbCommands(platform, counted),
        COLD,
      ),
    ),
  );
  ctx.figure({
    ...figure('ingest after restart (cold cache)', atReady, coldMs),
    baseline: 'raw batched insert',
  });
  const after = await accounting();
  ctx.note(`after the restart: lost ${after.lost}, duplicates ${after.duplicates}`);
  stack.finish();
}
