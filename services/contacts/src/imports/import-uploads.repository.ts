import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { IMPORT_UPLOADS_BUCKET, IMPORT_UPLOADS_TTL_MS } from '@switchboard/contracts';
import { ObjectBucket, type StoredObject } from '@switchboard/messaging';
import { NatsBus } from '@switchboard/runtime';

/** The uploaded import files: the gateway writes them, the import job reads them chunk by chunk. */
@Injectable()
export class ImportUploads {
  private bucket?: Promise<ObjectBucket>;

  constructor(private readonly bus: NatsBus) {}

  async info(name: string): Promise<StoredObject | null> {
    return (await this.open()).info(name);
  }

  /** The file's bytes, fetched as the reader consumes them. */
  async read(object: StoredObject): Promise<Readable> {
    return (await this.open()).read(object);
  }

  async delete(name: string): Promise<void> {
    await (await this.open()).delete(name);
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
