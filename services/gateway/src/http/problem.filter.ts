import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemOf, toAppError } from './problem';
import { requestIdOf } from './request-id';

/** Every error the gateway answers, whatever threw it, leaves here as a problem document. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const err = toAppError(exception);
    const requestId = requestIdOf(request);
    if (err.code === 'internal') this.logger.error({ err: exception, requestId }, 'request failed');
    if (reply.sent) return;
    const { status, body } = problemOf(err, requestId);
    const retryAfter = (err.details as { retryAfter?: unknown } | undefined)?.retryAfter;
    if (err.code === 'rate_limited' && typeof retryAfter === 'number')
      void reply.header('retry-after', String(retryAfter));
    void reply.status(status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }
}
