import {
  canonicalJson,
  formatTrustedSigners,
  generateRpcKeyPair,
  parseTrustedSigners,
  RPC_CLOCK_SKEW_MS,
  RPC_SIGNATURE_TTL_MS,
  rpcPublicKeyOf,
  RpcSigner,
  RpcVerifier,
  type RpcAuth,
} from './context-signing';

const gatewayKeys = generateRpcKeyPair();
const dealsKeys = generateRpcKeyPair();
const gateway = new RpcSigner('gateway', gatewayKeys.seed);
const verifier = new RpcVerifier({ gateway: gatewayKeys.publicKey, deals: dealsKeys.publicKey });

const ctx = {
  workspaceId: 'ws_a',
  actor: { type: 'user', id: 'usr_1' },
  role: 'member',
  capabilities: ['contacts.read'],
  scope: 'own',
  requestId: 'req-1',
};
const input = { limit: 10, filter: { tag: 'vip' } };
const now = 1_800_000_000_000;
const SUBJECT = 'rpc.contacts.list';

interface Wire {
  ctx: typeof ctx & { extra?: boolean };
  input: typeof input;
  auth: RpcAuth;
}
/** What the handler's side receives: the request after a JSON round trip over NATS. */
const received = (request: object) => JSON.parse(JSON.stringify(request)) as Wire;
const signed = () => received({ ctx, input, auth: gateway.sign(SUBJECT, ctx, input, now) });

describe('RPC context signatures', () => {
  it('accepts a context signed by a trusted process, for its subject, within its window', () => {
    expect(verifier.verify(SUBJECT, signed(), now)).toBeUndefined();
    expect(verifier.verify(SUBJECT, signed(), now + RPC_SIGNATURE_TTL_MS)).toBeUndefined();
  });

  it('does not depend on the order of keys (the context is compared as canonical JSON)', () => {
    const request = signed();
    request.ctx = Object.fromEntries(Object.entries(request.ctx).reverse()) as Wire['ctx'];
    request.input = { filter: { tag: 'vip' }, limit: 10 };
    expect(verifier.verify(SUBJECT, request, now)).toBeUndefined();
  });

  it('refuses a request without a signature', () => {
    expect(verifier.verify(SUBJECT, received({ ctx, input }), now)).toBe('unsigned');
    expect(verifier.verify(SUBJECT, undefined, now)).toBe('unsigned');
  });

  it.each([
    ['workspaceId', (r: Wire) => (r.ctx.workspaceId = 'ws_b')],
    ['scope', (r: Wire) => (r.ctx.scope = 'all')],
    ['a capability', (r: Wire) => r.ctx.capabilities.push('contacts.delete')],
    ['the actor', (r: Wire) => (r.ctx.actor.id = 'usr_2')],
    ['an added context field', (r: Wire) => (r.ctx.extra = true)],
    ['the input', (r: Wire) => (r.input.limit = 11)],
    ['the issue time', (r: Wire) => (r.auth.iat += 1)],
    ['the expiry', (r: Wire) => (r.auth.exp -= 1)],
    ['the signature', (r: Wire) => (r.auth.sig = `A${r.auth.sig.slice(1)}`)],
  ])('refuses a request when %s changed after signing', (_what, tamper) => {
    const request = signed();
    tamper(request);
    expect(verifier.verify(SUBJECT, request, now)).toBe('bad_signature');
  });

  it('refuses a signature replayed on another subject', () => {
    expect(verifier.verify('rpc.contacts.delete', signed(), now)).toBe('bad_signature');
  });

  it('refuses an expired signature, and one from the future, beyond the tolerated skew', () => {
    const late = now + RPC_SIGNATURE_TTL_MS + RPC_CLOCK_SKEW_MS + 1;
    expect(verifier.verify(SUBJECT, signed(), late)).toBe('expired');
    expect(verifier.verify(SUBJECT, signed(), now - RPC_CLOCK_SKEW_MS - 1)).toBe('not_yet_valid');
    expect(verifier.verify(SUBJECT, signed(), now - RPC_CLOCK_SKEW_MS)).toBeUndefined();
  });

  it('refuses a signature whose window is longer than the allowed lifetime', () => {
    const longLived = new RpcSigner('gateway', gatewayKeys.seed, RPC_SIGNATURE_TTL_MS * 10);
    const request = received({ ctx, input, auth: longLived.sign(SUBJECT, ctx, input, now) });
    expect(verifier.verify(SUBJECT, request, now)).toBe('malformed');
  });

  it('refuses an unknown signer, and a trusted name signed with another key', () => {
    const stranger = new RpcSigner('intruder', generateRpcKeyPair().seed);
    const impostor = new RpcSigner('gateway', generateRpcKeyPair().seed);
    const by = (s: RpcSigner) => received({ ctx, input, auth: s.sign(SUBJECT, ctx, input, now) });
    expect(verifier.verify(SUBJECT, by(stranger), now)).toBe('unknown_signer');
    expect(verifier.verify(SUBJECT, by(impostor), now)).toBe('bad_signature');
  });

  it('refuses a malformed signature block', () => {
    for (const auth of ['x', { v: 2 }, { v: 1, signer: 'gateway', iat: 'now', exp: 1, sig: '' }]) {
      expect(verifier.verify(SUBJECT, received({ ctx, input, auth }), now)).toBe('malformed');
    }
  });

  it('reads and writes the trusted list, refusing malformed entries', () => {
    const text = formatTrustedSigners({
      gateway: gatewayKeys.publicKey,
      deals: dealsKeys.publicKey,
    });
    expect(parseTrustedSigners(` ${text.replace(',', ' , ')} `)).toEqual({
      gateway: gatewayKeys.publicKey,
      deals: dealsKeys.publicKey,
    });
    expect(parseTrustedSigners('')).toEqual({});
    expect(() => parseTrustedSigners('gateway')).toThrow(/name=publicKey/);
    expect(() => parseTrustedSigners('gateway=short')).toThrow(/43 characters/);
    expect(() =>
      parseTrustedSigners(`a=${gatewayKeys.publicKey},a=${dealsKeys.publicKey}`),
    ).toThrow(/twice/);
    expect(rpcPublicKeyOf(gatewayKeys.seed)).toBe(gatewayKeys.publicKey);
  });

  it('writes canonical JSON: sorted keys at every level, JSON semantics otherwise', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });
});
