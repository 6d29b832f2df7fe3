import { CreateContactInput, EventEnvelope, PageQuery, RequestContext } from './index';

describe('CreateContactInput', () => {
  it('accepts a contact with only a name or only a channel', () => {
    expect(CreateContactInput.safeParse({ displayName: 'Acme Ltd' }).success).toBe(true);
    expect(
      CreateContactInput.safeParse({ channels: [{ type: 'email', value: 'a@b.co' }] }).success,
    ).toBe(true);
  });

  it('needs a name or at least one channel', () => {
    const r = CreateContactInput.safeParse({ tags: ['vip'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['displayName'],
      message: expect.stringMatching(/name or at least one channel/),
    });
  });

  it('rejects unknown fields at every level instead of storing them', () => {
    expect(CreateContactInput.safeParse({ displayName: 'X', colour: 'blue' }).success).toBe(false);
    expect(
      CreateContactInput.safeParse({ channels: [{ type: 'email', value: 'a@b.co', extra: 1 }] })
        .success,
    ).toBe(false);
    expect(
      CreateContactInput.safeParse({ displayName: 'X', address: { planet: 'Mars' } }).success,
    ).toBe(false);
  });

  it('rejects operator objects and unstorable metadata keys', () => {
    expect(CreateContactInput.safeParse({ displayName: { $gt: '' } }).success).toBe(false);
    expect(
      CreateContactInput.safeParse({ displayName: 'X', metadata: { $where: 1 } }).success,
    ).toBe(false);
    expect(CreateContactInput.safeParse({ displayName: 'X', metadata: { 'a.b': 1 } }).success).toBe(
      false,
    );
    expect(
      CreateContactInput.safeParse({ displayName: 'X', metadata: { plain: { nested: true } } })
        .success,
    ).toBe(true);
  });

  it('takes birthday month and day only as a pair', () => {
    expect(CreateContactInput.safeParse({ displayName: 'X', birthMonth: 4 }).success).toBe(false);
    expect(
      CreateContactInput.safeParse({ displayName: 'X', birthMonth: 4, birthDay: 31 }).success,
    ).toBe(true);
    expect(
      CreateContactInput.safeParse({ displayName: 'X', birthMonth: 13, birthDay: 1 }).success,
    ).toBe(false);
  });
});

describe('EventEnvelope', () => {
  const valid = {
    id: '01a20847-977a-7750-a0c2-fe79b264379e',
    type: 'contact.tag.added',
    version: 1,
    workspaceId: 'ws_1',
    occurredAt: '2026-11-23T12:00:00.000Z',
    actor: { type: 'user', id: 'u1' },
    aggregate: { type: 'contact', id: 'c1', version: 3 },
    data: { tag: 'vip' },
  };

  it('accepts the documented envelope', () => {
    expect(EventEnvelope.parse(valid)).toEqual(valid);
  });

  it('rejects a type that is not `aggregate.event`, a bad timestamp or a missing actor', () => {
    expect(EventEnvelope.safeParse({ ...valid, type: 'Contact Created' }).success).toBe(false);
    expect(EventEnvelope.safeParse({ ...valid, occurredAt: 'yesterday' }).success).toBe(false);
    const { actor: _actor, ...noActor } = valid;
    expect(EventEnvelope.safeParse(noActor).success).toBe(false);
  });
});

describe('PageQuery and RequestContext', () => {
  it('defaults limit to 50 and bounds it to 1..200', () => {
    expect(PageQuery.parse({})).toEqual({ limit: 50 });
    expect(PageQuery.parse({ limit: '200' }).limit).toBe(200);
    expect(PageQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(PageQuery.safeParse({ limit: '201' }).success).toBe(false);
  });

  it('requires workspace, actor, role, capabilities, scope and request id', () => {
    const ctx = {
      workspaceId: 'w',
      actor: { type: 'api_key', id: 'k' },
      role: 'member',
      capabilities: ['contacts.read'],
      scope: 'own',
      requestId: 'r',
    };
    expect(RequestContext.parse(ctx)).toEqual(ctx);
    expect(RequestContext.safeParse({ ...ctx, scope: 'some' }).success).toBe(false);
    expect(RequestContext.safeParse({ ...ctx, workspaceId: undefined }).success).toBe(false);
  });
});
