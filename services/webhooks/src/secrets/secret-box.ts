import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One key of the set: its id (stored beside each sealed secret) and 32 bytes of key. */
export interface SecretKey {
  kid: string;
  key: Buffer;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const b64 = (b: Buffer) => b.toString('base64url');

/**
 * Seals webhook signing secrets with AES-256-GCM (decision 0145). A sealed secret reads
 * `v1.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts): the key id says which key opens it, so
 * keys rotate by adding a new first key and keeping the old ones until every secret is resealed.
 * The first key of the set seals; every key in the set opens.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  readonly activeKid: string;

  constructor(keys: SecretKey[]) {
    if (keys.length === 0) throw new Error('SecretBox needs at least one key');
    for (const k of keys) {
      if (k.key.length !== 32) throw new Error(`key ${k.kid} must be 32 bytes`);
    }
    this.keys = new Map(keys.map((k) => [k.kid, k.key]));
    this.activeKid = keys[0].kid;
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKid)!, iv);
    // The key id is authenticated too: a sealed value cannot be passed off under another key.
    cipher.setAAD(Buffer.from(this.activeKid));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, this.activeKid, b64(iv), b64(cipher.getAuthTag()), b64(ct)].join('.');
  }

  open(sealed: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new Error('not a sealed secret');
    const [, kid, iv, tag, ct] = parts as [string, string, string, string, string];
    const key = this.keys.get(kid);
    if (!key) throw new Error(`no key "${kid}" in WEBHOOK_SECRET_KEYS to open a webhook secret`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(kid));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ct, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** Opens a sealed secret; one stored in clear before sealing existed is returned as it is. */
  reveal(stored: string): string {
    return SecretBox.kidOf(stored) === null ? stored : this.open(stored);
  }

  /** The id of the key that sealed a value (null: not sealed, a secret stored before 0145). */
  static kidOf(sealed: string): string | null {
    const parts = sealed.split('.');
    return parts.length === 5 && parts[0] === VERSION ? parts[1] : null;
  }
}
