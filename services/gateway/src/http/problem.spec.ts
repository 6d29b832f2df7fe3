import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ERROR_CODES, Problem } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { problemOf, STATUS_BY_CODE, toAppError } from './problem';

const fastifyError = (code: string, statusCode: number) =>
  Object.assign(new Error(code), { name: 'FastifyError', code, statusCode });

describe('problem mapping', () => {
  it.each([
    ['validation_failed', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['duplicate_contact', 409],
    ['version_conflict', 409],
    ['idempotency_mismatch', 422],
    ['payload_too_large', 413],
    ['unsupported_media_type', 415],
    ['rate_limited', 429],
    ['unavailable', 503],
    ['timeout', 504],
    ['internal', 500],
  ] as const)('%s → %i', (code, status) => {
    expect(STATUS_BY_CODE[code]).toBe(status);
  });

  it('maps every code and answers a valid problem document', () => {
    for (const code of ERROR_CODES) {
      const { status, body } = problemOf(new AppError(code, 'x'), 'r1');
      expect(Problem.parse(body)).toMatchObject({
        code,
        status,
        type: `https://switchboard.dev/problems/${code}`,
        requestId: 'r1',
      });
    }
  });

  it('spreads details and field errors, never over the standard members', () => {
    const err = new AppError('duplicate_contact', 'dup', {
      duplicateOf: 'c1',
      status: 200,
      code: 'x',
    });
    expect(problemOf(err).body).toMatchObject({
      duplicateOf: 'c1',
      status: 409,
      code: 'duplicate_contact',
      detail: 'dup',
    });
    const invalid = AppError.validation('invalid body', [{ path: 'email', message: 'bad' }]);
    expect(problemOf(invalid).body.errors).toEqual([{ path: 'email', message: 'bad' }]);
  });

  it('says nothing about an internal error', () => {
    const { body } = problemOf(AppError.from(new Error('connection string mongodb://secret@db')));
    expect(body.detail).toBe('an unexpected error occurred');
    expect(JSON.stringify(body)).not.toMatch(/secret|stack|at /);
  });

  it.each([
    [fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413), 'payload_too_large'],
    [fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415), 'unsupported_media_type'],
    [fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 400), 'validation_failed'],
    [
      Object.assign(new SyntaxError('Unexpected end of JSON input'), { statusCode: 400 }),
      'validation_failed',
    ],
    [new NotFoundException('Cannot GET /nope'), 'not_found'],
    [new PayloadTooLargeException(), 'payload_too_large'],
    [new BadRequestException('bad'), 'validation_failed'],
    [new Error('boom'), 'internal'],
    ['a string', 'internal'],
    [null, 'internal'],
  ])('normalises %p to %s', (thrown, code) => {
    expect(toAppError(thrown).code).toBe(code);
  });

  it('keeps AppErrors as they are', () => {
    const err = new AppError('forbidden', 'no');
    expect(toAppError(err)).toBe(err);
  });
});
