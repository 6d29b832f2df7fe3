import {
  hashSecret,
  looksLikeApiKey,
  newApiKey,
  parseApiKey,
  secretMatches,
} from './api-key-format';

describe('API key format', () => {
  it('round-trips: sbk_<prefix>_<secret>, stored as prefix + sha256 of the secret', () => {
    const k = newApiKey();
    expect(k.key).toMatch(/^sbk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(looksLikeApiKey(k.key)).toBe(true);
    const parsed = parseApiKey(k.key);
    expect(parsed?.prefix).toBe(k.prefix);
    expect(hashSecret(parsed!.secret)).toBe(k.secretHash);
    expect(k.key).not.toContain(k.secretHash);
    expect(secretMatches(parsed!.secret, k.secretHash)).toBe(true);
    const secret = parsed!.secret;
    const tampered = (secret[0] === 'x' ? 'y' : 'x') + secret.slice(1);
    expect(secretMatches(tampered, k.secretHash)).toBe(false);
  });

  it.each(['sbk_', 'sbk_abc_def', `sbk_${'g'.repeat(16)}_${'a'.repeat(43)}`, 'eyJhbGciOi'])(
    'refuses %p',
    (key) => {
      expect(parseApiKey(key)).toBeUndefined();
    },
  );
});
