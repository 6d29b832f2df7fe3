import {
  applyDecorators,
  Catch,
  createParamDecorator,
  Inject,
  Injectable,
  Logger,
  Optional,
  SetMetadata,
  UseFilters,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type RpcExceptionFilter,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { MessagePattern } from '@nestjs/microservices';
import { context as otelContext } from '@opentelemetry/api';
import { Observable, tap, throwError } from 'rxjs';
import { RequestContext, type RpcOperation } from '@switchboard/contracts';
import { AppError, validationError } from '@switchboard/errors';
import { ServiceTracer, SpanKind } from '@switchboard/tracing';
import { runWithCorrelation, TRACEPARENT_HEADER } from '../correlation';
import { RpcVerifier } from './context-signing';

const RPC_OPERATION = Symbol('rpc-operation');

/**
 * Verifies the caller's signature over the context (decision 0070), then validates the envelope
 * and the input of an RPC request and runs the handler in its correlation. Needs an RpcVerifier
 * provider (runtime's InfraModule has one, from `RPC_TRUSTED_SIGNERS`).
 */
@Injectable()
export class RpcEnvelopeInterceptor implements NestInterceptor {
  private readonly logger = new Logger('rpc');

  constructor(
    @Inject(RpcVerifier) private readonly verifier: RpcVerifier,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const op = this.reflector.get<RpcOperation>(RPC_OPERATION, context.getHandler());
    const data = context
      .switchToRpc()
      .getData<{ ctx?: unknown; input?: unknown; auth?: unknown } | undefined>();
    const refused = data ? this.verifier.verify(op.subject, data) : 'unsigned';
    if (!data || refused) {
      const signer = (data?.auth as { signer?: unknown } | undefined)?.signer;
      this.logger.warn(
        {
          subject: op.subject,
          reason: refused,
          signer: typeof signer === 'string' ? signer : undefined,
        },
        'rpc request refused: request context not verified',
      );
      return throwError(
        () => new AppError('unauthenticated', `request context refused (${refused})`),
      );
    }
    const ctx = RequestContext.safeParse(data?.ctx);
    if (!ctx.success) return throwError(() => validationError(ctx.error, 'request context'));
    const input = op.input.safeParse(data.input ?? {});
    if (!input.success) return throwError(() => validationError(input.error));
    data.ctx = ctx.data;
    data.input = input.data;
    const correlation = {
      requestId: ctx.data.requestId,
      workspaceId: ctx.data.workspaceId,
      ...(ctx.data.traceparent ? { traceparent: ctx.data.traceparent } : {}),
    };
    return new Observable((subscriber) =>
      runWithCorrelation(correlation, () => next.handle().subscribe(subscriber)),
    );
  }
}

/**
 * Told of every RPC request handled: its contract subject, duration and outcome (`ok` or the
 * AppError code). Provide one to observe them (runtime's metrics do); none: nothing is told.
 */
export abstract class RpcObserver {
  abstract observe(subject: string, seconds: number, outcome: string): void;
}

/** Times each request for the RpcObserver, outermost, so refused requests count too. */
@Injectable()
export class RpcObserverInterceptor implements NestInterceptor {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Optional() @Inject(RpcObserver) private readonly observer?: RpcObserver,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const observer = this.observer;
    if (!observer) return next.handle();
    const op = this.reflector.get<RpcOperation>(RPC_OPERATION, context.getHandler());
    const started = performance.now();
    const done = (outcome: string) =>
      observer.observe(op.subject, (performance.now() - started) / 1000, outcome);
    return next.handle().pipe(
      tap({
        complete: () => done('ok'),
        error: (err: unknown) => done(AppError.from(err).code),
      }),
    );
  }
}

/**
 * A server span per request (traces on), child of the caller's span: the `traceparent` header,
 * else the signed context's. Outermost, so the whole handling (refusals too) is in it.
 */
@Injectable()
export class RpcTraceInterceptor implements NestInterceptor {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Optional() @Inject(ServiceTracer) private readonly tracer?: ServiceTracer,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.tracer?.enabled) return next.handle();
    const op = this.reflector.get<RpcOperation>(RPC_OPERATION, context.getHandler());
    const rpc = context.switchToRpc();
    const headers = rpc.getContext<{ getHeaders?: () => { get(k: string): string } | undefined }>();
    const data = rpc.getData<{ ctx?: { traceparent?: unknown } } | undefined>();
    const fromCtx = data?.ctx?.traceparent;
    const parent =
      headers.getHeaders?.()?.get(TRACEPARENT_HEADER) ||
      (typeof fromCtx === 'string' ? fromCtx : undefined);
    const started = this.tracer.start(`rpc ${op.subject}`, {
      kind: SpanKind.SERVER,
      parent,
      attributes: { 'rpc.system': 'nats', 'rpc.method': op.subject },
    });
    if (!started) return next.handle();
    return new Observable((subscriber) =>
      otelContext.with(started.context, () =>
        next.handle().subscribe({
          next: (v) => subscriber.next(v),
          error: (err: unknown) => {
            started.end(err);
            subscriber.error(err);
          },
          complete: () => {
            started.end();
            subscriber.complete();
          },
        }),
      ),
    );
  }
}

/** Sends every failure back as an AppError payload; unexpected ones are logged once, here. */
@Catch()
export class AppErrorRpcFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('rpc');

  catch(exception: unknown): Observable<never> {
    const err = AppError.from(exception);
    if (err.code === 'internal') this.logger.error({ err: exception }, 'rpc handler failed');
    return throwError(() => err.toPayload());
  }
}

/** Declares an RPC handler for a contract operation: `@RpcHandler(RPC.contacts.create)`. */
export const RpcHandler = (op: RpcOperation) =>
  applyDecorators(
    MessagePattern(op.subject),
    SetMetadata(RPC_OPERATION, op),
    UseInterceptors(RpcTraceInterceptor, RpcObserverInterceptor, RpcEnvelopeInterceptor),
    UseFilters(new AppErrorRpcFilter()),
  );

/** The validated input of the current RPC request. */
export const RpcInput = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToRpc().getData<{ input: unknown }>().input,
);

/** The validated RequestContext of the current RPC request. */
export const RpcContext = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToRpc().getData<{ ctx: RequestContext }>().ctx,
);
