import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import { nameContractSchemas } from '@switchboard/api-docs';
import * as contracts from '@switchboard/contracts';
import { z } from 'zod';
import type { RouteInfo } from '../http/route-table';

export const API_VERSION = '0.1.0';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

const ERRORS: Record<number, string> = {
  400: 'validation_failed: the body, path or query does not match the contract',
  401: 'unauthenticated: missing, expired or revoked credentials',
  403: "forbidden: the caller's role lacks the capability, or the record is not the caller's to write",
  404: 'not_found: no such record in this workspace (other workspaces answer the same)',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type: JSON bodies only',
  422: 'idempotency_mismatch: the Idempotency-Key was used with another body',
  429: 'rate_limited: see Retry-After',
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: contracts.Problem } },
});

/** The object under a schema, also through refinements (`.superRefine` on a query). */
const asObject = (s: z.ZodTypeAny | undefined): z.AnyZodObject | undefined =>
  s instanceof z.ZodObject
    ? s
    : s instanceof z.ZodEffects
      ? asObject(s.innerType() as z.ZodTypeAny)
      : undefined;

function routeConfig(route: RouteInfo): RouteConfig {
  const access = route.access;
  const isPublic = access?.kind === 'public';
  const hasBody = route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT';
  const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const params =
    asObject(route.inputs.params) ??
    (pathParams.length
      ? z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()])))
      : undefined);
  const codes = [
    ...(Object.keys(route.inputs).length || hasBody ? [400] : []),
    ...(isPublic ? [] : [401, 403]),
    ...(pathParams.length ? [404] : []),
    ...(hasBody ? [409, 413, 415] : []),
    ...(route.method === 'POST' && !isPublic ? [422] : []),
    429,
  ];
  const segment = route.path.split('/').filter(Boolean);
  const tag = segment[0] === 'v1' ? (segment[1] ?? 'v1') : segment[0];
  const success = route.doc?.response
    ? {
        description: 'success',
        ...(route.doc.responseHeaders ? { headers: route.doc.responseHeaders } : {}),
        content: { [route.doc.produces ?? 'application/json']: { schema: route.doc.response } },
      }
    : { description: route.status === 204 ? 'done, no content' : 'success' };
  const idempotency =
    route.method === 'POST' && !isPublic
      ? z.object({
          'idempotency-key': z
            .string()
            .max(255)
            .optional()
            .openapi({ description: 'Same key and body within 24 h replays the first answer' }),
        })
      : undefined;
  const declared = route.doc?.headers;
  const headers = idempotency && declared ? idempotency.merge(declared) : (idempotency ?? declared);
  return {
    method: route.method.toLowerCase(),
    path: route.path.replace(/:(\w+)/g, '{$1}'),
    operationId: `${route.controller.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}.${route.handler}`,
    summary: route.doc?.summary ?? `${route.method} ${route.path}`,
    tags: [tag],
    ...(isPublic ? { security: [] } : { security: [{ bearer: [] }] }),
    'x-capability':
      access?.kind === 'capability' ? access.capability : (access?.kind ?? 'undeclared'),
    ...(route.doc ? {} : { 'x-undocumented': true }),
    request: {
      ...(params ? { params } : {}),
      ...(asObject(route.inputs.query) ? { query: asObject(route.inputs.query) } : {}),
      ...(headers ? { headers } : {}),
      ...(hasBody
        ? {
            body: {
              content: {
                [route.doc?.consumes ?? 'application/json']: {
                  schema: route.inputs.body ?? route.doc?.body ?? z.object({}).passthrough(),
                },
              },
            },
          }
        : {}),
    },
    responses: {
      [route.status]: success,
      ...Object.fromEntries(codes.map((c) => [c, problem(ERRORS[c])])),
    },
  } as RouteConfig;
}

/** The OpenAPI 3.1 document of the gateway, from its route table and the zod contracts. */
export function openApiDocument(routes: RouteInfo[], version: string): OpenApiDocument {
  nameContractSchemas();
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An access token (JWT) from /v1/auth/login, or an API key (sbk_…)',
  });
  for (const route of routes) registry.registerPath(routeConfig(route));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Switchboard API',
      version,
      description:
        'The HTTP API of the Switchboard CRM gateway. Errors are application/problem+json with a ' +
        'stable `code`. Every route names the capability it needs in `x-capability`.',
    },
    servers: [{ url: '/' }],
  });
}
