import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, t=3, p=4), written out so they stay put. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 4 } as const;

@Injectable()
export class PasswordService implements OnModuleInit {
  private dummy?: Promise<string>;

  /** Made at boot: computing it on the first unknown email would make that answer slower. */
  async onModuleInit(): Promise<void> {
    this.dummy = this.hash(randomBytes(16).toString('base64url'));
    await this.dummy;
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false; // a malformed stored hash is a failed login, not a 500
    }
  }

  /** Costs what a real check costs, so an unknown email answers as slowly as a wrong password. */
  async verifyDummy(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(16).toString('base64url'));
    await this.verify(await this.dummy, password);
    return false;
  }
}
