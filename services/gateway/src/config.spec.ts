import { generateRpcKeyPair } from '@switchboard/messaging';
import { loadConfig } from '@switchboard/runtime';
import { GatewayConfig } from './config';

const load = (env: Record<string, string>) => () => loadConfig(GatewayConfig, env);

describe('gateway configuration', () => {
  it('refuses to start in production with a placeholder or low-entropy JWT secret', () => {
    const key = generateRpcKeyPair();
    // Everything else production requires is present: only the JWT secret varies.
    const prod = {
      NODE_ENV: 'production',
      NATS_CREDS: '/run/secrets/gateway.creds',
      RPC_SIGNING_SEED: key.seed,
      RPC_TRUSTED_SIGNERS: `gateway=${key.publicKey}`,
    };
    expect(load({ ...prod })).toThrow(/JWT_SECRET/);
    expect(load({ ...prod, JWT_SECRET: 'compose-local-only-jwt-secret-change-me-please' })).toThrow(
      /JWT_SECRET: in production the secret must be random/,
    );
    expect(load({ ...prod, JWT_SECRET: 'x'.repeat(40) })).toThrow(/JWT_SECRET/);
    expect(load({ ...prod, JWT_KEYS: `k2:${'ab'.repeat(20)}` })).toThrow(/JWT_KEYS/);
    expect(
      load({ ...prod, JWT_SECRET: 'a3f09c1e7b2d4e5f60718293a4b5c6d7e8f9012345' }),
    ).not.toThrow();
  });

  it('allows a simple secret outside production (tests, a laptop)', () => {
    expect(load({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32) })).not.toThrow();
  });
});
