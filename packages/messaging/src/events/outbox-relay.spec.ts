import pino from 'pino';
import type { EventEnvelope } from '@switchboard/contracts';
import {
  OutboxRelay,
  type OutboxBatch,
  type OutboxSource,
  type PublishedBatch,
} from './outbox-relay';

const event = (id: string): EventEnvelope => ({
  id,
  type: 'thing.changed',
  version: 1,
  workspaceId: 'w',
  occurredAt: new Date(0).toISOString(),
  actor: { type: 'service', id: 't' },
  aggregate: { type: 'thing', id: 'a', version: 1 },
  data: {},
});

/** An in-memory source: this spec checks the relay's ordering and retry logic, not storage. */
class MemorySource implements OutboxSource {
  readonly name = 'memory';
  marked: string[][] = [];
  constructor(public docs: Map<string, EventEnvelope[]>) {}
  async pending(limit: number): Promise<OutboxBatch[]> {
    return [...this.docs.entries()]
      .slice(0, limit)
      .map(([ref, events]) => ({ ref, events: [...events] }));
  }
  async markPublished(published: PublishedBatch[]): Promise<void> {
    for (const { batch, eventIds: ids } of published) {
      this.marked.push(ids);
      const left = (this.docs.get(batch.ref as string) ?? []).filter((e) => !ids.includes(e.id));
      if (left.length) this.docs.set(batch.ref as string, left);
      else this.docs.delete(batch.ref as string);
    }
  }
}

const logger = pino({ level: 'silent' });

describe('OutboxRelay', () => {
  it('publishes every document’s events, each document in write order, and marks them', async () => {
    const source = new MemorySource(
      new Map([
        ['d1', [event('1'), event('2')]],
        ['d2', [event('3')]],
      ]),
    );
    const sent: string[] = [];
    const relay = new OutboxRelay([source], { publish: async (e) => sent.push(e.id) }, logger);
    expect(await relay.flush()).toBe(3);
    // Documents go out in parallel; within a document, in write order.
    expect([...sent].sort()).toEqual(['1', '2', '3']);
    expect(sent.indexOf('1')).toBeLessThan(sent.indexOf('2'));
    expect(source.docs.size).toBe(0);
  });

  it('stops a document at the first failed publish, keeps the rest for later, and marks what went out', async () => {
    const source = new MemorySource(new Map([['d1', [event('1'), event('2'), event('3')]]]));
    const sent: string[] = [];
    const relay = new OutboxRelay(
      [source],
      {
        publish: async (e) => {
          if (e.id === '2') throw new Error('nats down');
          sent.push(e.id);
        },
      },
      logger,
    );
    await expect(relay.flush()).rejects.toThrow('nats down');
    expect(sent).toEqual(['1']);
    expect(source.marked).toEqual([['1']]);
    expect(source.docs.get('d1')?.map((e) => e.id)).toEqual(['2', '3']);
  });

  it('drains sources larger than one batch', async () => {
    const docs = new Map(
      Array.from({ length: 25 }, (_, i): [string, EventEnvelope[]] => [
        `d${i}`,
        [event(String(i))],
      ]),
    );
    const source = new MemorySource(new Map(docs));
    const relay = new OutboxRelay([source], { publish: async () => undefined }, logger, {
      batchSize: 10,
    });
    expect(await relay.flush()).toBe(25);
  });

  it('retries in the background after a failure until the sink accepts', async () => {
    const source = new MemorySource(new Map([['d1', [event('1')]]]));
    let attempts = 0;
    const relay = new OutboxRelay(
      [source],
      {
        publish: async () => {
          attempts += 1;
          if (attempts < 3) throw new Error('not yet');
        },
      },
      logger,
      { intervalMs: 10_000 },
    );
    relay.start();
    const deadline = Date.now() + 5000;
    while (source.docs.size > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await relay.stop();
    expect(source.docs.size).toBe(0);
    expect(attempts).toBe(3);
  });

  it('sweeps less and less often while idle, and at the base period again once it publishes', async () => {
    jest.useFakeTimers();
    try {
      const source = new MemorySource(new Map());
      let sweeps = 0;
      const pending = source.pending.bind(source);
      source.pending = (limit) => {
        sweeps += 1;
        return pending(limit);
      };
      const sent: string[] = [];
      const relay = new OutboxRelay([source], { publish: async (e) => sent.push(e.id) }, logger, {
        intervalMs: 100,
        idleMaxMs: 800,
      });
      const sweepsAfter = async (ms: number) => {
        await jest.advanceTimersByTimeAsync(ms);
        return sweeps;
      };
      relay.start();
      expect(await sweepsAfter(0)).toBe(1);
      // Empty sweeps: 200, 400, then 800 ms apart (the cap), never sooner.
      expect(await sweepsAfter(199)).toBe(1);
      expect(await sweepsAfter(1)).toBe(2);
      expect(await sweepsAfter(399)).toBe(2);
      expect(await sweepsAfter(1)).toBe(3);
      expect(await sweepsAfter(800)).toBe(4);
      expect(await sweepsAfter(800)).toBe(5);
      // Something left behind is found by the next sweep; then the period is the base again.
      source.docs.set('d1', [event('1')]);
      expect(await sweepsAfter(800)).toBe(6);
      expect(sent).toEqual(['1']);
      expect(await sweepsAfter(100)).toBe(7);
      await relay.stop();
    } finally {
      jest.useRealTimers();
    }
  });

  it('dead-letters an event no retry can publish, takes it off the document and goes on', async () => {
    const source = new MemorySource(new Map([['d1', [event('1'), event('2'), event('3')]]]));
    const sent: string[] = [];
    const dead: string[] = [];
    const sink = {
      publish: async (e: EventEnvelope) => {
        if (e.id === '2')
          throw Object.assign(new Error('MAX_PAYLOAD_EXCEEDED'), { code: 'MAX_PAYLOAD_EXCEEDED' });
        sent.push(e.id);
      },
      deadLetter: async (e: EventEnvelope, error: string) => {
        dead.push(`${e.id}:${error}`);
      },
    };
    const relay = new OutboxRelay([source], sink, logger);
    expect(await relay.flush()).toBe(3);
    expect(sent).toEqual(['1', '3']);
    expect(dead).toEqual(['2:MAX_PAYLOAD_EXCEEDED']);
    expect(source.docs.size).toBe(0);
  });

  it('keeps retrying failures that a retry may fix', async () => {
    const source = new MemorySource(new Map([['d1', [event('1')]]]));
    const sink = {
      publish: async () => {
        throw Object.assign(new Error('TIMEOUT'), { code: 'TIMEOUT' });
      },
      deadLetter: jest.fn(async () => undefined),
    };
    const relay = new OutboxRelay([source], sink, logger);
    await expect(relay.flush()).rejects.toThrow('TIMEOUT');
    expect(sink.deadLetter).not.toHaveBeenCalled();
    expect(source.docs.get('d1')).toHaveLength(1);
  });
});
