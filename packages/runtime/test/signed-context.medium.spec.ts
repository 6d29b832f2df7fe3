import { Controller, Module } from '@nestjs/common';
import { JSONCodec, type NatsConnection } from 'nats';
import { z } from 'zod';
import type { RequestContext, RpcOperation } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import {
  generateRpcKeyPair,
  newId,
  RpcClient,
  RpcContext,
  RpcHandler,
  RpcInput,
  RpcSigner,
  SubjectNamespace,
} from '@switchboard/messaging';
import { BaseConfig, InfraModule, type RunningService } from '@switchboard/runtime';
import { startInProcess, testNamespace } from '@switchboard/testing';

/**
 * A real service (InfraModule, Nest NATS transport, @RpcHandler) that tells who asked: what a
 * caller may learn depends only on the context its handler was given.
 */
const Whoami = {
  subject: 'rpc.echo.whoami',
  input: z.object({ n: z.number().int() }),
  output: z.object({ workspaceId: z.string(), scope: z.string(), n: z.number() }),
} satisfies RpcOperation;
const Forget = { ...Whoami, subject: 'rpc.echo.forget' } satisfies RpcOperation;

const handled: { subject: string; workspaceId: string }[] = [];

@Controller()
class EchoController {
  @RpcHandler(Whoami)
  whoami(@RpcContext() ctx: RequestContext, @RpcInput() input: { n: number }) {
    handled.push({ subject: Whoami.subject, workspaceId: ctx.workspaceId });
    return { workspaceId: ctx.workspaceId, scope: ctx.scope, n: input.n };
  }

  @RpcHandler(Forget)
  forget(@RpcContext() ctx: RequestContext, @RpcInput() input: { n: number }) {
    handled.push({ subject: Forget.subject, workspaceId: ctx.workspaceId });
    return { workspaceId: ctx.workspaceId, scope: ctx.scope, n: input.n };
  }
}

@Module({})
class EchoModule {}

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const jc = JSONCodec();
let service: RunningService;
let rpc: RpcClient;
let nc: NatsConnection;

const ctxOf = (workspaceId: string, scope: 'all' | 'own' = 'own'): RequestContext => ({
  workspaceId,
  actor: { type: 'user', id: 'usr-1' },
  role: scope === 'all' ? 'owner' : 'member',
  capabilities: ['contacts.read'],
  scope,
  requestId: newId(),
});

/** A request written by hand, as anyone able to publish on the subject could: Nest's format. */
async function rawRequest(subject: string, data: unknown) {
  const reply = await nc.request(
    subjects.rpc(subject),
    jc.encode({ pattern: subjects.rpc(subject), data, id: newId() }),
    { timeout: 10_000 },
  );
  return jc.decode(reply.data) as { err?: { code: string; message: string }; response?: unknown };
}

beforeAll(async () => {
  service = await startInProcess(ns, 'echo', BaseConfig, (config) => ({
    service: 'echo',
    config,
    rpc: true,
    module: {
      module: EchoModule,
      imports: [InfraModule.forRoot('echo', config)],
      controllers: [EchoController],
    },
  }));
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner('gateway') });
  await rpc.connect();
  nc = await ns.natsConnect();
});

afterAll(async () => {
  await rpc?.close();
  await nc?.close();
  await service?.stop();
});

beforeEach(() => handled.splice(0));

describe('signed request contexts', () => {
  it('runs the handler for a context signed by a trusted process', async () => {
    await expect(rpc.call(Whoami, ctxOf('ws-a'), { n: 1 })).resolves.toEqual({
      workspaceId: 'ws-a',
      scope: 'own',
      n: 1,
    });
    expect(handled).toEqual([{ subject: Whoami.subject, workspaceId: 'ws-a' }]);
  });

  it('refuses a hand-written, unsigned context of another tenant with unauthenticated', async () => {
    const reply = await rawRequest(Whoami.subject, { ctx: ctxOf('ws-b', 'all'), input: { n: 1 } });
    expect(reply.err).toMatchObject({ code: 'unauthenticated' });
    expect(reply.response).toBeUndefined();
    expect(handled).toEqual([]);
  });

  it('refuses a signed request whose context was changed to another tenant and scope "all"', async () => {
    const ctx = ctxOf('ws-a');
    const auth = ns.rpcSigner('gateway').sign(Whoami.subject, ctx, { n: 1 });
    const forged = { ...ctx, workspaceId: 'ws-b', scope: 'all' };
    const reply = await rawRequest(Whoami.subject, { ctx: forged, input: { n: 1 }, auth });
    expect(reply.err).toMatchObject({ code: 'unauthenticated' });
    // The same signature with the context it was made for is accepted.
    const genuine = await rawRequest(Whoami.subject, { ctx, input: { n: 1 }, auth });
    expect(genuine.response).toEqual({ workspaceId: 'ws-a', scope: 'own', n: 1 });
    expect(handled).toEqual([{ subject: Whoami.subject, workspaceId: 'ws-a' }]);
  });

  it('refuses a signature replayed on another subject', async () => {
    const ctx = ctxOf('ws-a');
    const auth = ns.rpcSigner('gateway').sign(Whoami.subject, ctx, { n: 2 });
    const reply = await rawRequest(Forget.subject, { ctx, input: { n: 2 }, auth });
    expect(reply.err).toMatchObject({ code: 'unauthenticated' });
    expect(handled).toEqual([]);
  });

  it('refuses expired signatures and unknown signers, through the client too', async () => {
    const ctx = ctxOf('ws-a');
    const old = ns.rpcSigner('gateway').sign(Whoami.subject, ctx, { n: 3 }, Date.now() - 120_000);
    const expired = await rawRequest(Whoami.subject, { ctx, input: { n: 3 }, auth: old });
    expect(expired.err).toMatchObject({ code: 'unauthenticated' });

    const stranger = new RpcClient({
      ...ns.natsOptions(),
      ns: subjects,
      signer: new RpcSigner('gateway', generateRpcKeyPair().seed),
    });
    try {
      const err = await stranger.call(Whoami, ctx, { n: 3 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'unauthenticated' });
    } finally {
      await stranger.close();
    }
    expect(handled).toEqual([]);
  });
});
