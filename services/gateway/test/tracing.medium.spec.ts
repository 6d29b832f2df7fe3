import { RPC, type Contact, type Segment, type Session } from '@switchboard/contracts';
import type { RunningService } from '@switchboard/runtime';
import { http, InMemoryTraces, newContact, startInProcess, waitFor } from '@switchboard/testing';
import { segmentWorkerService } from '../../segment-worker/src/app.module';
import { SegmentWorkerConfig } from '../../segment-worker/src/config';
import { GatewayHarness } from './support/gateway-harness';

/**
 * Traces (decision 0140): with an in-memory span exporter in this process, every service started
 * here traces into it (each service's spans carry its name as their scope). One PATCH of a contact
 * must make one trace from the gateway through contacts, the relay, the segments projection and
 * the segment worker to `segment.member.joined`: the context crosses NATS headers, event
 * envelopes and BullMQ job data, never this process's memory alone.
 */
const traces = InMemoryTraces.start();
let h: GatewayHarness;
let worker: RunningService;
let owner: Session;

beforeAll(async () => {
  h = await GatewayHarness.start();
  worker = await startInProcess(h.ns, 'segment-worker', SegmentWorkerConfig, segmentWorkerService, {
    SWEEP_INTERVAL_MS: '0',
    SEGMENT_CACHE_MS: '0',
  });
  owner = await h.signUp();
});
afterAll(async () => {
  await worker?.stop();
  await h?.stop();
  await traces.stop();
});

const call = <T>(method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, {
    token: owner.accessToken,
    ...(body !== undefined ? { body } : {}),
  });

it('follows one PATCH from the gateway to segment.member.joined in one trace', async () => {
  const segment = await call<Segment>('POST', '/v1/segments', {
    name: 'Customers',
    type: 'dynamic',
    filter: { field: 'stage', op: 'eq', value: 'customer' },
  });
  expect(segment.status).toBe(201);
  const contact: Contact = await newContact(h.url, owner.accessToken, { stage: 'lead' });
  // The contact's profile is projected (its own trace) before the PATCH starts a new one.
  await waitFor(
    async () =>
      (await call('GET', `/v1/segments/${segment.body.id}/explain/${contact.id}`)).status === 200,
    { timeoutMs: 20_000, what: 'the contact projected' },
  );

  const patched = await call<Contact>('PATCH', `/v1/contacts/${contact.id}`, { stage: 'customer' });
  expect(patched.status).toBe(200);
  const root = await waitFor(
    () =>
      traces.spans.find(
        (s) => s.instrumentationScope.name === 'gateway' && s.name === 'PATCH /v1/contacts/:id',
      ),
    { what: 'the gateway span of the PATCH' },
  );
  const traceId = root.spanContext().traceId;
  const expected = [
    'gateway: PATCH /v1/contacts/:id',
    `gateway: rpc ${RPC.contacts.update.subject}`,
    `contacts: rpc ${RPC.contacts.update.subject}`,
    'contacts: publish contact.updated',
    'segments: process segments-projection',
    'segments: project contact',
    'segment-worker: job segment-evaluation evaluate-contact',
    'segment-worker: publish segment.member.joined',
  ];
  // Spans end in their own time (the relay may publish before the job's span ends): wait for all.
  const trace = await waitFor(
    () => {
      const t = traces.trace(traceId);
      return expected.every((name) => t.names.includes(name)) ? t : undefined;
    },
    { timeoutMs: 20_000, what: "every hop in the PATCH's trace" },
  ).catch((err: Error) => {
    throw new Error(`${err.message}; the trace has ${traces.trace(traceId).names.join(', ')}`);
  });

  expect([...trace.services]).toEqual(
    expect.arrayContaining(['contacts', 'gateway', 'segment-worker', 'segments']),
  );
  // One tree: the HTTP span is the only root, every other span's parent is in the trace.
  const ids = new Set(trace.spans.map((s) => s.spanContext().spanId));
  const roots = trace.spans.filter(
    (s) => !s.parentSpanContext || !ids.has(s.parentSpanContext.spanId),
  );
  expect(roots.map((s) => s.name)).toEqual(['PATCH /v1/contacts/:id']);
});
