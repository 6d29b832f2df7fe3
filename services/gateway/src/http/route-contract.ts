import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '@switchboard/errors';
import { parse } from './parse';

type Part = 'body' | 'params' | 'query';
export const ROUTE_INPUTS = 'switchboard:route-inputs';
export const ROUTE_DOC = 'switchboard:route-doc';

/** What a route promises, for the OpenAPI document: its summary and its success body. */
export interface RouteDoc {
  summary: string;
  /** Omitted for 204 routes. */
  response?: z.ZodTypeAny;
  /** Request body media type when it is not JSON (imports take text/csv). */
  consumes?: string;
  /** Request headers the route reads (If-Match), for the document. */
  headers?: z.AnyZodObject;
  /** Headers of the success response (ETag), for the document. */
  responseHeaders?: z.AnyZodObject;
  /** The request body's schema for the document when no @ValidBody parses it (a stream). */
  body?: z.ZodTypeAny;
  /** Success body media type when it is not JSON (exports answer text/csv). */
  produces?: string;
}

export type RouteInputs = Partial<Record<Part, z.ZodTypeAny>>;

export const Operation = (doc: RouteDoc) => SetMetadata(ROUTE_DOC, doc);

const WHAT: Record<Part, string> = { body: 'body', params: 'path', query: 'query' };

// The schema travels wrapped: Nest would take a bare zod schema (it has .transform) for a pipe.
const validated = createParamDecorator(
  ({ part, schema }: { part: Part; schema: z.ZodTypeAny }, ec: ExecutionContext): unknown => {
    const request = ec.switchToHttp().getRequest<FastifyRequest>();
    // A streamed body (text/csv) is for the routes that read it themselves (imports).
    const body = request.body as { pipe?: unknown } | undefined;
    if (part === 'body' && typeof body?.pipe === 'function') {
      throw new AppError('unsupported_media_type', 'this route takes JSON bodies only');
    }
    const value = request[part] ?? {};
    const at = nulPath(value);
    if (at !== undefined) {
      throw AppError.validation(`invalid ${WHAT[part]}`, [
        { path: at || part, message: 'text may not contain NUL characters' },
      ]);
    }
    return parse(schema, value, WHAT[part]);
  },
);

/**
 * Where a NUL character hides in a request part (a key or a string, bounded depth), if
 * anywhere: no field takes one, and PostgreSQL (under FerretDB) fails on it in any query or
 * write, which would answer 500 instead of 400.
 */
export function nulPath(value: unknown, at = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at : undefined;
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    if (key.includes('\u0000')) return path;
    const found = nulPath(child, path, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A validated request part: the zod contract parses it (unknown fields rejected, 400 problem
 * otherwise) and the same schema is recorded on the route for the OpenAPI document, so the
 * document cannot describe another schema than the one enforced.
 */
const input =
  (part: Part) =>
  (schema: z.ZodTypeAny): ParameterDecorator =>
  (target, key, index) => {
    if (key === undefined) throw new Error(`@Valid${part} is for route handler parameters`);
    const handler = (target as Record<string | symbol, object>)[key];
    const inputs = (Reflect.getMetadata(ROUTE_INPUTS, handler) as RouteInputs | undefined) ?? {};
    Reflect.defineMetadata(ROUTE_INPUTS, { ...inputs, [part]: schema }, handler);
    validated({ part, schema })(target, key, index);
  };

export const ValidBody = input('body');
export const ValidParams = input('params');
export const ValidQuery = input('query');
