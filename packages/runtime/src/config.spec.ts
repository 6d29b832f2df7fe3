import { z } from 'zod';
import { BaseConfig, loadConfig, redactConfig } from './config';

const Schema = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().default(3001),
  JWT_SECRET: z.string().min(32),
});

describe('loadConfig', () => {
  it('parses the environment with defaults', () => {
    const config = loadConfig(Schema, { JWT_SECRET: 'x'.repeat(32) });
    expect(config).toMatchObject({
      HTTP_PORT: 3001,
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_PREFIX: '',
      SWITCHBOARD_FAULT: 'none',
    });
  });

  it('lists every bad variable at once', () => {
    expect(() =>
      loadConfig(Schema, {
        MONGO_URL: 'postgres://x',
        NATS_PREFIX: 'no-dot',
        HTTP_PORT: 'eighty',
        JWT_SECRET: 'short',
      }),
    ).toThrow(/MONGO_URL[\s\S]*NATS_PREFIX[\s\S]*HTTP_PORT[\s\S]*JWT_SECRET/);
  });

  it('trusts X-Forwarded-For only when told to', () => {
    const base = { JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(Schema, base).TRUST_PROXY).toBe(false);
    expect(loadConfig(Schema, { ...base, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(
      loadConfig(Schema, { ...base, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY,
    ).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  it('refuses fault injection in production', () => {
    expect(() =>
      loadConfig(Schema, {
        NODE_ENV: 'production',
        SWITCHBOARD_FAULT: 'crash_after_publish',
        JWT_SECRET: 'x'.repeat(32),
      }),
    ).toThrow(/SWITCHBOARD_FAULT/);
  });

  it('requires NATS credentials in production', () => {
    const base = { JWT_SECRET: 'x'.repeat(32), NODE_ENV: 'production' };
    expect(() => loadConfig(Schema, base)).toThrow(/NATS_CREDS: required in production/);
    expect(loadConfig(Schema, { ...base, NATS_CREDS: '/run/secrets/nats.creds' }).NATS_CREDS).toBe(
      '/run/secrets/nats.creds',
    );
    expect(loadConfig(Schema, { JWT_SECRET: 'x'.repeat(32) }).NATS_CREDS).toBeUndefined();
  });

  it('masks secrets for the boot log line', () => {
    expect(
      redactConfig({
        JWT_SECRET: 'abc',
        JWT_KEYS: [{ kid: 'k1', secret: 's' }],
        REDIS_URL: 'redis://h',
        API_KEY: 'k',
        EMPTY_SECRET: '',
        NATS_AUTH_ROOT: '{"operatorSeed": "SO…"}',
      }),
    ).toEqual({
      JWT_SECRET: '[redacted]',
      JWT_KEYS: '[redacted]',
      REDIS_URL: 'redis://h',
      API_KEY: '[redacted]',
      EMPTY_SECRET: '',
      NATS_AUTH_ROOT: '[redacted]',
    });
  });
});
