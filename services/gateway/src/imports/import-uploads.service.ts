import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IMPORT_UPLOADS_BUCKET, IMPORT_UPLOADS_TTL_MS } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId, ObjectBucket } from '@switchboard/messaging';
import { CONFIG, NatsBus } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';

const isStream = (body: unknown): body is Readable =>
  typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function';

/**
 * Import files on their way to the contacts service: the request body is written, as it
 * arrives, into the JetStream object store bucket of uploads, a chunk at a time (the gateway
 * never holds the file, and no NATS message carries more than a chunk of it).
 */
@Injectable()
export class ImportUploads {
  private readonly logger = new Logger('imports');
  private bucket?: Promise<ObjectBucket>;

  constructor(
    private readonly bus: NatsBus,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Stores the CSV body of the request: its name (`<workspaceId>/<id>`) for the import, and the
   * sha256 of its content (hashed as it streams by: what identifies the file for Idempotency-Key).
   */
  async store(
    workspaceId: string,
    request: FastifyRequest,
  ): Promise<{ name: string; sha256: string }> {
    const body = request.body;
    if (!isStream(body)) {
      throw new AppError(
        'unsupported_media_type',
        'send the CSV file itself as the body, with Content-Type: text/csv',
      );
    }
    const limit = this.config.IMPORT_BODY_LIMIT_BYTES;
    const declared = Number(request.headers['content-length'] ?? NaN);
    if (declared > limit) {
      throw new AppError('payload_too_large', `the file is larger than ${limit} bytes`);
    }
    if (declared === 0) {
      throw AppError.validation('the CSV file is empty', [{ path: 'body', message: 'empty' }]);
    }
    const name = `${workspaceId}/${newId()}`;
    const hash = createHash('sha256');
    const hashed = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // pipeline: a client that goes away mid-upload fails the put instead of leaving it waiting.
    pipeline(body, hashed, () => undefined);
    await (await this.open()).put(name, hashed, { maxBytes: limit });
    return { name, sha256: hash.digest('hex') };
  }

  /** Best effort: the bucket's TTL removes what is left behind anyway. */
  async discard(name: string): Promise<void> {
    try {
      await (await this.open()).delete(name);
    } catch (err) {
      this.logger.warn({ err, name }, 'could not remove an upload');
    }
  }

  private open(): Promise<ObjectBucket> {
    this.bucket ??= ObjectBucket.open(
      this.bus.js,
      this.bus.jsm,
      this.bus.ns.bucket(IMPORT_UPLOADS_BUCKET),
      { ttlMs: IMPORT_UPLOADS_TTL_MS },
    ).catch((err: unknown) => {
      this.bucket = undefined;
      throw err;
    });
    return this.bucket;
  }
}
