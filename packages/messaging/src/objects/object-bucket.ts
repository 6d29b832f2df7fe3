import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  headers as natsHeaders,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type ObjectStore,
  type StoredMsg,
} from 'nats';
import { AppError } from '@switchboard/errors';

/** A stored file, as the object store's metadata describes it. */
export interface StoredObject {
  name: string;
  size: number;
  chunks: number;
  nuid: string;
  digest: string;
}

export interface PutOptions {
  /** The upload is refused (413 `payload_too_large`) as soon as it passes this size. */
  maxBytes: number;
  chunkBytes?: number;
  /** Chunks published and not yet acknowledged: what the upload holds in memory at most. */
  inFlight?: number;
}

/** nats.js has the direct-get API on its manager but not in the JetStreamManager type. */
interface DirectGet {
  direct: {
    getMessage(stream: string, query: { next_by_subj: string; seq: number }): Promise<StoredMsg>;
  };
}

const DIGEST_PREFIX = 'SHA-256=';
const CHUNK_BYTES = 128 * 1024;
const IN_FLIGHT = 4;

/** Base64url with padding: how the object store encodes names and digests. */
const base64UrlPadded = (b: Buffer): string => {
  const s = b.toString('base64url');
  return s + '='.repeat((4 - (s.length % 4)) % 4);
};

/**
 * Files in a JetStream object store bucket (`OBJ_<bucket>`), written and read one chunk at a
 * time so that neither side ever holds a whole file. The layout is the standard object store's
 * (chunks on `$O.<bucket>.C.<nuid>`, metadata on `$O.<bucket>.M.<name>`), so `nats object`
 * tools can inspect it. nats.js's own `put` publishes every chunk without waiting for acks and
 * its `get` pushes every chunk into an unbounded stream, whatever the reader's pace; hence this.
 */
export class ObjectBucket {
  private constructor(
    readonly name: string,
    private readonly store: ObjectStore,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
  ) {}

  /** Opens the bucket, creating it (objects expire after `ttlMs`) if it does not exist. */
  static async open(
    js: JetStreamClient,
    jsm: JetStreamManager,
    name: string,
    options: { ttlMs?: number } = {},
  ): Promise<ObjectBucket> {
    const store = await js.views.os(name, {
      ttl: (options.ttlMs ?? 0) * 1_000_000,
      storage: StorageType.File,
    });
    return new ObjectBucket(name, store, js, jsm);
  }

  private get stream(): string {
    return `OBJ_${this.name}`;
  }

  /** Stores `source` under `name` with backpressure: at most `inFlight` chunks unacknowledged. */
  async put(
    name: string,
    source: AsyncIterable<Uint8Array>,
    options: PutOptions,
  ): Promise<StoredObject> {
    const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
    const inFlight = options.inFlight ?? IN_FLIGHT;
    const nuid = randomUUID().replace(/-/g, '');
    const chunkSubject = `$O.${this.name}.C.${nuid}`;
    const hash = createHash('sha256');
    const pending = new Set<Promise<void>>();
    let failure: Error | undefined;
    let size = 0;
    let chunks = 0;
    let buffered: Buffer[] = [];
    let bufferedBytes = 0;

    const publish = async (chunk: Buffer) => {
      hash.update(chunk);
      chunks++;
      const p: Promise<void> = this.js.publish(chunkSubject, chunk).then(
        () => void pending.delete(p),
        (err: unknown) => {
          failure ??= err instanceof Error ? err : new Error(String(err));
          pending.delete(p);
        },
      );
      pending.add(p);
      if (pending.size >= inFlight) await Promise.race(pending);
      if (failure) throw failure;
    };
    const flush = async (all: boolean) => {
      while (bufferedBytes >= chunkBytes || (all && bufferedBytes > 0)) {
        const joined = Buffer.concat(buffered, bufferedBytes);
        const chunk = joined.subarray(0, Math.min(chunkBytes, joined.length));
        const rest = joined.subarray(chunk.length);
        buffered = rest.length > 0 ? [rest] : [];
        bufferedBytes = rest.length;
        await publish(chunk);
      }
    };

    try {
      for await (const piece of source) {
        size += piece.length;
        if (size > options.maxBytes) {
          throw new AppError(
            'payload_too_large',
            `the file is larger than ${options.maxBytes} bytes`,
          );
        }
        buffered.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
        bufferedBytes += piece.length;
        await flush(false);
      }
      await flush(true);
      await Promise.all(pending);
      if (failure) throw failure;
      const info = {
        name,
        description: '',
        options: { max_chunk_size: chunkBytes },
        bucket: this.name,
        nuid,
        size,
        chunks,
        mtime: new Date().toISOString(),
        digest: DIGEST_PREFIX + base64UrlPadded(hash.digest()),
        deleted: false,
      };
      const h = natsHeaders();
      h.set('Nats-Rollup', 'sub');
      await this.js.publish(this.metaSubject(name), JSON.stringify(info), { headers: h });
      return { name, size, chunks, nuid, digest: info.digest };
    } catch (err) {
      await Promise.all(pending);
      await this.jsm.streams.purge(this.stream, { filter: chunkSubject }).catch(() => undefined);
      throw err;
    }
  }

  async info(name: string): Promise<StoredObject | null> {
    const info = await this.store.info(name);
    if (!info || info.deleted) return null;
    return {
      name: info.name,
      size: info.size,
      chunks: info.chunks,
      nuid: info.nuid,
      digest: info.digest,
    };
  }

  /**
   * The object's bytes as a stream that fetches the next chunk only when the reader wants more
   * (direct get by subject), and fails if the content does not match the stored digest.
   */
  read(object: StoredObject): Readable {
    const subject = `$O.${this.name}.C.${object.nuid}`;
    const hash = createHash('sha256');
    const direct = (this.jsm as unknown as DirectGet).direct;
    const stream = this.stream;
    let seq = 0;
    let read = 0;
    return new Readable({
      read() {
        if (read === object.chunks) {
          const digest = DIGEST_PREFIX + base64UrlPadded(hash.digest());
          if (digest !== object.digest)
            this.destroy(new Error(`object ${object.name} is corrupt (digest mismatch)`));
          else this.push(null);
          return;
        }
        direct.getMessage(stream, { next_by_subj: subject, seq: seq + 1 }).then(
          (m) => {
            seq = m.seq;
            read++;
            hash.update(m.data);
            this.push(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
          },
          (err: unknown) => this.destroy(err instanceof Error ? err : new Error(String(err))),
        );
      },
    });
  }

  /** Removes the object (its chunks are purged); nothing happens if it is gone already. */
  async delete(name: string): Promise<void> {
    if (await this.store.info(name)) await this.store.delete(name);
  }

  private metaSubject(name: string): string {
    return `$O.${this.name}.M.${base64UrlPadded(Buffer.from(name))}`;
  }
}
