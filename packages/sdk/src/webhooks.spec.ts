import { signWebhook, verifyWebhook, WebhookVerificationError } from './webhooks';

// The example of the Standard Webhooks specification (and its reference libraries' tests).
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TS = 1614265330;
const BODY = '{"test": 2432232314}';
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const at = new Date(TS * 1000);
const headers = (over: Record<string, string> = {}) => ({
  'webhook-id': ID,
  'webhook-timestamp': String(TS),
  'webhook-signature': SIGNATURE,
  ...over,
});

describe('webhook signatures (Standard Webhooks)', () => {
  it('signs the specification example to its published signature', () => {
    expect(signWebhook(SECRET, ID, TS, BODY)).toBe(SIGNATURE);
  });

  it('verifies a genuine message and returns its parsed body', () => {
    expect(verifyWebhook(SECRET, headers(), BODY, { now: at })).toEqual({ test: 2432232314 });
    expect(verifyWebhook(SECRET, new Headers(headers()), Buffer.from(BODY), { now: at })).toEqual({
      test: 2432232314,
    });
  });

  it('accepts any of several signatures (secret rotation)', () => {
    const sig = `v1,${Buffer.alloc(32).toString('base64')} ${SIGNATURE}`;
    expect(verifyWebhook(SECRET, headers({ 'webhook-signature': sig }), BODY, { now: at })).toEqual(
      {
        test: 2432232314,
      },
    );
  });

  it('refuses a changed body', () => {
    expect(() => verifyWebhook(SECRET, headers(), '{"test": 1}', { now: at })).toThrow(
      WebhookVerificationError,
    );
  });

  it('refuses another secret', () => {
    const other = `whsec_${Buffer.from('another secret').toString('base64')}`;
    expect(() => verifyWebhook(other, headers(), BODY, { now: at })).toThrow(
      /no webhook-signature/,
    );
  });

  it('refuses a timestamp outside the tolerance, either way', () => {
    expect(() =>
      verifyWebhook(SECRET, headers(), BODY, { now: new Date((TS + 301) * 1000) }),
    ).toThrow(/tolerance/);
    expect(() =>
      verifyWebhook(SECRET, headers(), BODY, { now: new Date((TS - 301) * 1000) }),
    ).toThrow(/tolerance/);
  });

  it('refuses a signature whose timestamp header was changed', () => {
    expect(() =>
      verifyWebhook(SECRET, headers({ 'webhook-timestamp': String(TS + 1) }), BODY, { now: at }),
    ).toThrow(/no webhook-signature/);
  });

  it('refuses missing headers and other signature versions', () => {
    expect(() => verifyWebhook(SECRET, { 'webhook-id': ID }, BODY, { now: at })).toThrow(/missing/);
    const v2 = SIGNATURE.replace('v1,', 'v2,');
    expect(() =>
      verifyWebhook(SECRET, headers({ 'webhook-signature': v2 }), BODY, { now: at }),
    ).toThrow(WebhookVerificationError);
  });
});
