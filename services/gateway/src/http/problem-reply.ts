import type { FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from '@switchboard/messaging';
import { PROBLEM_CONTENT_TYPE, problemOf, toAppError } from './problem';
import { requestIdOf } from './request-id';

/**
 * Answers with the problem of an error, for routes mounted on Fastify beside Nest's (the queue
 * dashboard, the docs assets), which Nest's ProblemFilter does not see.
 */
export function replyProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  thrown: unknown,
): FastifyReply {
  const requestId = requestIdOf(request);
  const { status, body } = problemOf(toAppError(thrown), requestId);
  return reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header(REQUEST_ID_HEADER, requestId)
    .send(body);
}
