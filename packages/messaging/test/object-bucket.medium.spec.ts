import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { type NatsConnection } from 'nats';
import { AppError } from '@switchboard/errors';
import { ObjectBucket, SubjectNamespace } from '@switchboard/messaging';
import { sleep, testNamespace } from '@switchboard/testing';

/** Files in a JetStream object store bucket, one chunk at a time in both directions. */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const CHUNK = 16 * 1024;
let nc: NatsConnection;
let bucket: ObjectBucket;

/** `total` bytes in pieces of `piece` bytes, as an HTTP body arrives. */
async function* pieces(data: Buffer, piece: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += piece) yield data.subarray(at, at + piece);
}

async function readAll(readable: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readable) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

beforeAll(async () => {
  nc = await ns.natsConnect();
  bucket = await ObjectBucket.open(
    nc.jetstream(),
    await nc.jetstreamManager(),
    subjects.bucket('files'),
    { ttlMs: 60_000 },
  );
});

afterAll(async () => {
  await nc.close();
});

describe('ObjectBucket', () => {
  it('stores a stream in chunks and reads it back byte for byte', async () => {
    const data = randomBytes(5 * CHUNK + 1234);
    const stored = await bucket.put('ws-1/a', pieces(data, 7000), {
      maxBytes: 1 << 20,
      chunkBytes: CHUNK,
    });
    expect(stored).toMatchObject({ name: 'ws-1/a', size: data.length, chunks: 6 });
    const info = await bucket.info('ws-1/a');
    expect(info).toEqual(stored);
    expect((await readAll(bucket.read(info!))).equals(data)).toBe(true);
    // The standard object store layout: nats.js (and the nats CLI) read it too.
    const standard = await nc.jetstream().views.os(subjects.bucket('files'));
    expect(Buffer.from((await standard.getBlob('ws-1/a'))!).equals(data)).toBe(true);
  });

  it('reads a chunk only when the reader asks for more', async () => {
    const data = randomBytes(20 * CHUNK);
    const stored = await bucket.put('ws-1/slow', pieces(data, CHUNK), {
      maxBytes: 1 << 20,
      chunkBytes: CHUNK,
    });
    const readable = bucket.read(stored);
    readable.pause();
    readable.read(0); // start fetching
    await sleep(300);
    // Nobody reads: at most a chunk waits in memory, not the 20 of the object.
    expect(readable.readableLength).toBeLessThanOrEqual(CHUNK);
    readable.resume();
    expect((await readAll(readable)).equals(data)).toBe(true);
  });

  it('refuses a file over the limit and leaves no chunks behind', async () => {
    const jsm = await nc.jetstreamManager();
    const stream = `OBJ_${subjects.bucket('files')}`;
    const before = (await jsm.streams.info(stream)).state.messages;
    const err = await bucket
      .put('ws-1/big', pieces(randomBytes(10 * CHUNK), CHUNK), {
        maxBytes: 3 * CHUNK,
        chunkBytes: CHUNK,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('payload_too_large');
    expect(await bucket.info('ws-1/big')).toBeNull();
    expect((await jsm.streams.info(stream)).state.messages).toBe(before);
  });

  it('stores an empty file, and deletes files', async () => {
    const stored = await bucket.put('ws-1/empty', pieces(Buffer.alloc(0), 1), { maxBytes: 10 });
    expect(stored).toMatchObject({ size: 0, chunks: 0 });
    expect((await readAll(bucket.read(stored))).length).toBe(0);
    await bucket.delete('ws-1/empty');
    await bucket.delete('ws-1/empty');
    expect(await bucket.info('ws-1/empty')).toBeNull();
  });

  it('fails a read whose content does not match the digest', async () => {
    const stored = await bucket.put('ws-1/c', pieces(randomBytes(CHUNK), CHUNK), {
      maxBytes: 1 << 20,
    });
    const readable = bucket.read({ ...stored, digest: 'SHA-256=AAAA' });
    readable.resume();
    const [err] = (await once(readable, 'error')) as [Error];
    expect(err.message).toMatch(/digest/);
  });
});
