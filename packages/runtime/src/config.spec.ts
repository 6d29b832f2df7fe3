import { z } from 'zod';
import { generateRpcKeyPair } from '@switchboard/messaging';
import { BaseConfig, loadConfig, redactConfig, rpcSigner } from './config';

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

  it('reads the RPC signing seed and the trusted signers, and requires both in production', () => {
    const base = { JWT_SECRET: 'x'.repeat(32) };
    const own = generateRpcKeyPair();
    const peer = generateRpcKeyPair();
    const config = loadConfig(Schema, {
      ...base,
      RPC_SIGNING_SEED: own.seed,
      RPC_TRUSTED_SIGNERS: `gateway=${own.publicKey}, deals=${peer.publicKey}`,
    });
    expect(config.RPC_TRUSTED_SIGNERS).toEqual({ gateway: own.publicKey, deals: peer.publicKey });
    expect(rpcSigner(config, 'gateway').name).toBe('gateway');
    // Outside production both may be missing: nothing is trusted, and calling needs a seed.
    const bare = loadConfig(Schema, { ...base, RPC_SIGNING_SEED: '' });
    expect(bare.RPC_TRUSTED_SIGNERS).toEqual({});
    expect(() => rpcSigner(bare, 'deals')).toThrow(/RPC_SIGNING_SEED/);
    expect(() =>
      loadConfig(Schema, { ...base, RPC_SIGNING_SEED: 'not-a-seed', RPC_TRUSTED_SIGNERS: 'x' }),
    ).toThrow(/RPC_SIGNING_SEED[\s\S]*RPC_TRUSTED_SIGNERS/);
    expect(() => loadConfig(Schema, { ...base, NODE_ENV: 'production' })).toThrow(
      /RPC_SIGNING_SEED: required in production[\s\S]*RPC_TRUSTED_SIGNERS: required/,
    );
    // A malformed seed is reported without echoing it.
    const err = (() => {
      try {
        loadConfig(Schema, { ...base, RPC_SIGNING_SEED: 'secret-looking-value' });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(err).toMatch(/RPC_SIGNING_SEED/);
    expect(err).not.toMatch(/secret-looking-value/);
  });

  it('requires NATS credentials in production', () => {
    const key = generateRpcKeyPair();
    const base = {
      JWT_SECRET: 'x'.repeat(32),
      NODE_ENV: 'production',
      RPC_SIGNING_SEED: key.seed,
      RPC_TRUSTED_SIGNERS: `gateway=${key.publicKey}`,
    };
    expect(() => loadConfig(Schema, base)).toThrow(/NATS_CREDS: required in production/);
    expect(loadConfig(Schema, { ...base, NATS_CREDS: '/run/secrets/nats.creds' }).NATS_CREDS).toBe(
      '/run/secrets/nats.creds',
    );
    expect(loadConfig(Schema, { JWT_SECRET: 'x'.repeat(32) }).NATS_CREDS).toBeUndefined();
  });

  it('masks secrets for the boot log line', () => {
    expect(
      redactConfig({
        RPC_SIGNING_SEED: 'seed',
        JWT_SECRET: 'abc',
        JWT_KEYS: [{ kid: 'k1', secret: 's' }],
        REDIS_URL: 'redis://h',
        API_KEY: 'k',
        EMPTY_SECRET: '',
        NATS_AUTH_ROOT: '{"operatorSeed": "SO…"}',
      }),
    ).toEqual({
      RPC_SIGNING_SEED: '[redacted]',
      JWT_SECRET: '[redacted]',
      JWT_KEYS: '[redacted]',
      REDIS_URL: 'redis://h',
      API_KEY: '[redacted]',
      EMPTY_SECRET: '',
      NATS_AUTH_ROOT: '[redacted]',
    });
  });

  it('masks the credentials in URLs, whatever the setting is called', () => {
    const redacted = redactConfig({
      MONGO_URL: 'mongodb://admin:s3cr%40t@db1:27017,db2:27017/?replicaSet=rs0&authSource=admin',
      REDIS_URL: 'rediss://:hunter2@cache:6380',
      NATS_URL: 'nats://svc:pw@nats-1:4222,nats://svc:pw@nats-2:4222',
      OTHER_URL: 'mongodb+srv://user@cluster.example.net/db',
      PLAIN_URL: 'redis://127.0.0.1:6379',
    });
    expect(redacted).toEqual({
      MONGO_URL: 'mongodb://[redacted]@db1:27017,db2:27017/?replicaSet=rs0&authSource=admin',
      REDIS_URL: 'rediss://[redacted]@cache:6380',
      NATS_URL: 'nats://[redacted]@nats-1:4222,nats://[redacted]@nats-2:4222',
      OTHER_URL: 'mongodb+srv://[redacted]@cluster.example.net/db',
      PLAIN_URL: 'redis://127.0.0.1:6379',
    });
    expect(JSON.stringify(redacted)).not.toMatch(/s3cr|hunter2|:pw@|user@/);
  });
});
