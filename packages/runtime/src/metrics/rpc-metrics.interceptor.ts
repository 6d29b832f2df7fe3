import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Observable, tap } from 'rxjs';
import { AppError } from '@switchboard/errors';
import type { SubjectNamespace } from '@switchboard/messaging';
import type { Metrics } from './metrics';

/**
 * Times every RPC request the process handles, by contract subject (without the deployment's
 * prefix) and outcome: `ok` or the AppError code it answered with (a bounded set).
 */
export class RpcMetricsInterceptor implements NestInterceptor {
  constructor(
    private readonly metrics: Metrics,
    private readonly ns: SubjectNamespace,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const subject = this.ns.strip(context.switchToRpc().getContext<NatsContext>().getSubject());
    const end = this.metrics.rpcDuration.startTimer({ subject });
    return next.handle().pipe(
      tap({
        complete: () => end({ outcome: 'ok' }),
        error: (err: unknown) => end({ outcome: AppError.from(err).code }),
      }),
    );
  }
}
