import { newSecret, sign, signatureHeader, verify } from './signing';

describe('Standard Webhooks signatures', () => {
  it('matches the reference example of the specification', () => {
    // From the Standard Webhooks specification's test vectors.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('signs with every live secret; a receiver holding either verifies', () => {
    const [a, b] = [newSecret(), newSecret()];
    const header = signatureHeader([b, a], 'id-1', 1700000000, '{}');
    expect(verify(a, header, 'id-1', 1700000000, '{}')).toBe(true);
    expect(verify(b, header, 'id-1', 1700000000, '{}')).toBe(true);
    expect(verify(newSecret(), header, 'id-1', 1700000000, '{}')).toBe(false);
    expect(verify(a, header, 'id-1', 1700000001, '{}')).toBe(false);
  });
});
