import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

const key = (kid: string) => ({ kid, key: randomBytes(32) });

describe('SecretBox', () => {
  const k1 = key('k1');
  const k2 = key('k2');

  it('seals a secret so that its text appears nowhere, and opens it again', () => {
    const box = new SecretBox([k1]);
    const secret = 'whsec_' + randomBytes(32).toString('base64');
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(box.open(sealed)).toBe(secret);
    expect(box.seal(secret)).not.toBe(sealed); // a fresh nonce every time
  });

  it('rotates: a new first key seals, the old one still opens what it sealed', () => {
    const sealedByK1 = new SecretBox([k1]).seal('s-1');
    const rotated = new SecretBox([k2, k1]);
    expect(rotated.open(sealedByK1)).toBe('s-1');
    expect(SecretBox.kidOf(rotated.seal('s-2'))).toBe('k2');
    expect(() => new SecretBox([k2]).open(sealedByK1)).toThrow(/no key "k1"/);
  });

  it('refuses a tampered value, and one moved under another key id', () => {
    const box = new SecretBox([k1, { kid: 'k9', key: k1.key }]);
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[4], 'base64url');
    flipped[0] = flipped[0] ^ 1;
    expect(() =>
      box.open([...parts.slice(0, 4), flipped.toString('base64url')].join('.')),
    ).toThrow();
    expect(() => box.open(['v1', 'k9', ...parts.slice(2)].join('.'))).toThrow();
  });

  it('tells sealed values from secrets stored in clear', () => {
    expect(SecretBox.kidOf('whsec_abc')).toBeNull();
    expect(() => new SecretBox([k1]).open('whsec_abc')).toThrow(/not a sealed secret/);
  });
});
