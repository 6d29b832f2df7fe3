import {
  applyDecorators,
  Catch,
  createParamDecorator,
  Logger,
  UseFilters,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type RpcExceptionFilter,
} from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import { RequestContext, type RpcOperation } from '@switchboard/contracts';
import { AppError, validationError } from '@switchboard/errors';
import { runWithCorrelation } from '../correlation';

/** Validates the envelope and the input of an RPC request and runs the handler in its correlation. */
class RpcEnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly op: RpcOperation) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const data = context.switchToRpc().getData<{ ctx?: unknown; input?: unknown }>();
    const ctx = RequestContext.safeParse(data?.ctx);
    if (!ctx.success) return throwError(() => validationError(ctx.error, 'request context'));
    const input = this.op.input.safeParse(data.input ?? {});
    if (!input.success) return throwError(() => validationError(input.error));
    data.ctx = ctx.data;
    data.input = input.data;
    const correlation = { requestId: ctx.data.requestId, workspaceId: ctx.data.workspaceId };
    return new Observable((subscriber) =>
      runWithCorrelation(correlation, () => next.handle().subscribe(subscriber)),
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
    UseInterceptors(new RpcEnvelopeInterceptor(op)),
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
