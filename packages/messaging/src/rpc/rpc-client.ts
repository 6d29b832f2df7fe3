import { NatsRecordBuilder } from '@nestjs/microservices';
// Not re-exported from the package root; it is how ClientNats reports "no responders".
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import { headers as natsHeaders, type Authenticator } from 'nats';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { RequestContext, RpcInput, RpcOperation, RpcOutput } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { currentTraceparent, ServiceTracer, SpanKind } from '@switchboard/tracing';
import { REQUEST_ID_HEADER, TRACEPARENT_HEADER } from '../correlation';
import type { SubjectNamespace } from '../namespace';
import type { RpcAuth, RpcSigner } from './context-signing';
import { NamespacedNatsClient } from './namespaced-nats.client';

export interface RpcClientOptions {
  servers: string | string[];
  ns: SubjectNamespace;
  /** How long to wait for a reply before answering `timeout`. */
  timeoutMs?: number;
  name?: string;
  /** Signs every request's context with this process's key (decision 0070). */
  signer: RpcSigner;
  /** How to authenticate (e.g. credsAuthenticator of the process's creds). */
  authenticator?: Authenticator;
  /** Replies come to `<inboxPrefix>.<id>`: the user's own inbox prefix, when it has one. */
  inboxPrefix?: string;
  /** Client spans around each request, their traceparent sent along (traces on). */
  tracer?: ServiceTracer;
}

/**
 * What a request carries over NATS: the caller's context, the operation's input, and the
 * caller's signature over both (for the subject, with a short expiry).
 */
export interface RpcRequest<I = unknown> {
  ctx: RequestContext;
  input: I;
  auth: RpcAuth;
}

/**
 * Typed request/reply to a service: `call(RPC.contacts.create, ctx, input)`. Errors thrown by
 * the service come back as the same AppError (same code, message and field errors).
 */
export class RpcClient {
  private readonly proxy: NamespacedNatsClient;
  private readonly timeoutMs: number;
  private readonly signer: RpcSigner;
  private readonly tracer?: ServiceTracer;

  constructor(options: RpcClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.signer = options.signer;
    this.tracer = options.tracer;
    this.proxy = new NamespacedNatsClient(
      {
        servers: options.servers,
        name: options.name,
        maxReconnectAttempts: -1,
        // Like the bus (runtime's NATS_CONNECT_TIMEOUT_MS): a starved process boots late, not never.
        timeout: 60_000,
        ...(options.authenticator ? { authenticator: options.authenticator } : {}),
        ...(options.inboxPrefix ? { inboxPrefix: options.inboxPrefix } : {}),
      },
      options.ns,
    );
  }

  connect(): Promise<unknown> {
    return this.proxy.connect();
  }

  async close(): Promise<void> {
    await this.proxy.close();
  }

  async call<Op extends RpcOperation>(
    op: Op,
    ctx: RequestContext,
    input: RpcInput<Op>,
    options: { timeoutMs?: number } = {},
  ): Promise<RpcOutput<Op>> {
    if (!this.tracer?.enabled) return this.send(op, ctx, input, options);
    return this.tracer.inSpan(
      `rpc ${op.subject}`,
      { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'nats', 'rpc.method': op.subject } },
      // The request's trace continues from this span, in the header and in the signed context.
      () => this.send(op, { ...ctx, traceparent: currentTraceparent() }, input, options),
    );
  }

  private async send<Op extends RpcOperation>(
    op: Op,
    ctx: RequestContext,
    input: RpcInput<Op>,
    options: { timeoutMs?: number },
  ): Promise<RpcOutput<Op>> {
    const h = natsHeaders();
    h.set(REQUEST_ID_HEADER, ctx.requestId);
    if (ctx.traceparent) h.set(TRACEPARENT_HEADER, ctx.traceparent);
    const auth = this.signer.sign(op.subject, ctx, input);
    const request: RpcRequest = { ctx, input, auth };
    const record = new NatsRecordBuilder(request).setHeaders(h).build();
    try {
      return await firstValueFrom(
        this.proxy
          .send<RpcOutput<Op>>(op.subject, record)
          .pipe(timeout(options.timeoutMs ?? this.timeoutMs)),
      );
    } catch (err) {
      if (err instanceof TimeoutError) {
        throw new AppError(
          'timeout',
          `no reply from ${op.subject} within ${options.timeoutMs ?? this.timeoutMs} ms`,
        );
      }
      if (err instanceof EmptyResponseException) {
        // Nobody subscribed to the subject: the service is down or not deployed.
        throw new AppError(
          'unavailable',
          `no service answers ${op.subject}`,
          undefined,
          undefined,
          { cause: err },
        );
      }
      throw AppError.fromPayload(err);
    }
  }
}
