import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { CONTACT_FIELDS, OPS_BY_KIND } from '@switchboard/segment-dsl';
import type { Actor, FuzzWorld, Kind } from './fuzz-world';
import { PASSWORD } from './fuzz-world';
import {
  forgedCursor,
  hostileValue,
  hugeString,
  oddId,
  oddKey,
  weirdString,
} from './hostile-values';
import { mutatedOf, validOf, type Schema, type SchemaContext } from './openapi-arbitraries';
import { deepNesting, describeValue, RawJson, toJsonText } from './raw-json';

/** One operation of docs/openapi.json. */
export interface Operation {
  /** `POST /v1/contacts/{id}/tags` */
  key: string;
  method: string;
  path: string;
  tag: string;
  parameters: Schema[];
  /** The request body's media type and schema, if it takes one. */
  body?: { type: string; schema: Schema };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Schema>>;
  components: { schemas: Record<string, Schema> };
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      const content = op.requestBody?.content as Record<string, { schema: Schema }> | undefined;
      const [type, media] = Object.entries(content ?? {})[0] ?? [];
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        tag: (op.tags?.[0] as string) ?? 'other',
        parameters: (op.parameters ?? []) as Schema[],
        ...(type ? { body: { type, schema: media.schema } } : {}),
      });
    }
  return out;
}

/** A request as the fuzzer sends it (and reports it). */
export interface FuzzRequest {
  actor: Actor;
  method: string;
  /** Path and query string, as sent. */
  url: string;
  headers: Record<string, string>;
  /** A JSON body (may hold RawJson parts), or… */
  body?: unknown;
  /** …a body sent verbatim. */
  rawBody?: string;
  /** The path holds an exposed id of workspace B. */
  foreignPath: boolean;
}

export function describeRequest(r: FuzzRequest): string {
  const url = r.url.length > 300 ? `${r.url.slice(0, 300)}…(${r.url.length} chars)` : r.url;
  const lines = [`${r.method} ${url}   as ${r.actor.name}`];
  for (const [k, v] of Object.entries(r.headers))
    if (k !== 'authorization' || !r.actor.authorization)
      lines.push(`  ${k}: ${v.length > 120 ? `${v.slice(0, 60)}…(${v.length} chars)` : v}`);
  if (r.body !== undefined) lines.push(`  body: ${describeValue(r.body)}`);
  if (r.rawBody !== undefined) lines.push(`  raw body: ${describeValue(r.rawBody)}`);
  return lines.join('\n');
}

/** The body text of a request. */
export const bodyTextOf = (r: FuzzRequest): string | undefined =>
  r.rawBody ?? (r.body !== undefined ? toJsonText(r.body) : undefined);

// ---------------------------------------------------------------------------------------------

/** The kind of record a path parameter names, from the path segment before it. */
function kindOfParam(path: string, name: string): Kind | undefined {
  if (name === 'userId') return 'user';
  if (name === 'stageId') return 'stage';
  if (name === 'contactId') return 'contact';
  if (name === 'invitationId') return 'invitation';
  const before = path.split(`/{${name}}`)[0].split('/').pop();
  const kinds: Record<string, Kind> = {
    contacts: 'contact',
    companies: 'company',
    deals: 'deal',
    tasks: 'task',
    segments: 'segment',
    notes: 'note',
    communications: 'communication',
    leads: 'lead',
    products: 'product',
    pipelines: 'pipeline',
    members: 'user',
    invitations: 'invitation',
    'api-keys': 'api_key',
    'custom-fields': 'custom_field',
    imports: 'import',
  };
  return before ? kinds[before] : undefined;
}

/** The kind of record a body or query property names (by its name). */
function kindOfProperty(name: string | undefined): Kind | undefined {
  if (!name) return undefined;
  if (/^(contactId|survivorId|duplicateId|ids|add|remove|reset)$/.test(name)) return 'contact';
  if (/^(ownerId|assigneeId|userId|staffId|linkedUserId|actorId)$/.test(name)) return 'user';
  const kinds: Record<string, Kind> = {
    companyId: 'company',
    pipelineId: 'pipeline',
    stageId: 'stage',
    moveTo: 'stage',
    segmentId: 'segment',
    segment: 'segment',
    leadId: 'lead',
    anchorId: 'contact',
    targetId: 'contact',
  };
  return kinds[name];
}

const pick = (ids: string[]): fc.Arbitrary<string> | undefined =>
  ids.length > 0 ? fc.constantFrom(...ids) : undefined;

function weighted(options: [fc.Arbitrary<string> | undefined, number][]): fc.Arbitrary<string> {
  return fc.oneof(
    ...options
      .filter((o): o is [fc.Arbitrary<string>, number] => o[0] !== undefined)
      .map(([arbitrary, weight]) => ({ arbitrary, weight })),
  );
}

const allIds = (ids: Record<Kind, string[]>) => Object.values(ids).flat();

/** Generators of everything a request is made of, bound to one world. */
export class RequestArbitraries {
  readonly ctx: SchemaContext;

  constructor(
    private readonly world: FuzzWorld,
    schemas: Record<string, Schema>,
  ) {
    this.ctx = {
      schemas,
      id: (name) => this.bodyId(name),
      named: { SegmentFilter: this.segmentFilter() },
    };
  }

  /** Ids in bodies: A's records (the named kind first); never B's sealed ones. */
  private bodyId(name: string | undefined): fc.Arbitrary<string> {
    const kind = kindOfProperty(name);
    const a = this.world.aIds;
    const users = Object.values(this.world.a.users).map((s) => s.user.id);
    return weighted([
      [pick(kind === 'user' ? [...users, ...a.user] : kind ? a[kind] : []), 6],
      [pick(allIds(a)), 2],
      [pick(kind ? this.world.bExposed[kind] : allIds(this.world.bExposed)), 1],
      [fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), 1],
    ]);
  }

  /** Ids in paths: A's records of the kind, others, B's exposed, odd ones. */
  private pathId(path: string, name: string): fc.Arbitrary<{ value: string; raw: boolean }> {
    const kind = kindOfParam(path, name);
    const a = this.world.aIds;
    const ids = kind === 'user' ? this.world.expendable.users : kind ? a[kind] : [];
    const encoded = weighted([
      [pick(ids), 10],
      [pick(allIds(a)), 1],
      [pick(kind ? this.world.bExposed[kind] : []), 2],
      [oddId, 2],
    ]).map((value) => ({ value, raw: false }));
    const raw = fc
      .constantFrom('..', '%2e%2e', '%2F', 'a%00b', '%', '%zz', ';x', '%20', 'a%2Fb', '~', '*')
      .map((value) => ({ value, raw: true }));
    return fc.oneof({ arbitrary: encoded, weight: 12 }, { arbitrary: raw, weight: 1 });
  }

  /** Valid segment filter ASTs (the schema leaves them open), mixed with free-form objects. */
  private segmentFilter(): fc.Arbitrary<unknown> {
    const fields = Object.keys(CONTACT_FIELDS);
    const condition = fc.constantFrom(...fields).chain((field) =>
      fc.record({
        field: fc.constant(field),
        op: fc.constantFrom(...OPS_BY_KIND[CONTACT_FIELDS[field]]),
        value: fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.integer({ min: -5, max: 100 }),
          fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }),
          fc.record({ days: fc.integer({ min: 1, max: 400 }) }),
          fc.constant('2024-01-01T00:00:00.000Z'),
        ),
      }),
    );
    const leaf = fc.oneof(
      { arbitrary: condition, weight: 5 },
      {
        arbitrary: fc.record({
          activity: fc.constantFrom('email.opened', 'form.submitted', 'x'),
          count: fc.record({ gte: fc.integer({ min: 0, max: 5 }) }),
        }),
        weight: 1,
      },
      {
        arbitrary: fc.record({
          segment: weighted([
            [pick(this.world.aIds.segment), 3],
            [pick(this.world.bExposed.segment), 1],
          ]),
          op: fc.constantFrom('in', 'not_in'),
        }),
        weight: 1,
      },
    );
    const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ and: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ or: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ not: tie('tree') }),
      ),
    }));
    return fc.oneof(
      { arbitrary: tree, weight: 6 },
      { arbitrary: fc.constant(null), weight: 1 },
      { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
    );
  }

  /** Values for string properties the schema cannot make meaningful (tokens, credentials). */
  private byName(name: string | undefined): fc.Arbitrary<unknown> | undefined {
    const w = this.world;
    if (name === undefined) return undefined;
    switch (name) {
      case 'cursor':
        return fc.oneof(pick(w.cursors) ?? forgedCursor, forgedCursor);
      case 'refreshToken':
        return pick(w.refreshTokens);
      case 'token':
        return pick(w.invitationTokens);
      case 'email':
        return pick(w.emails);
      case 'password':
        return fc.constant(PASSWORD);
      case 'workspaceId':
        return fc.constantFrom(w.a.owner.workspace.id, w.b.workspace.id);
      default:
        return undefined;
    }
  }

  private value(schema: Schema, name: string | undefined, mode: 'valid' | 'mutated') {
    const hint = this.byName(name);
    const base =
      mode === 'valid' ? validOf(schema, this.ctx, name) : mutatedOf(schema, this.ctx, name);
    return hint ? fc.oneof(hint, base) : base;
  }

  // -------------------------------------------------------------------------------------------

  private actor(): fc.Arbitrary<Actor> {
    const w = this.world;
    const jwt = (payload: object, secret: string, alg = 'HS256') => {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const head = enc({ alg, typ: 'JWT', kid: 'k1' });
      const body = enc(payload);
      const sig =
        alg === 'none'
          ? ''
          : createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
      return `${head}.${body}.${sig}`;
    };
    const claims = { sub: w.a.owner.user.id, ws: w.a.owner.workspace.id, exp: 4102444800 };
    const forged = fc
      .constantFrom(
        'Bearer garbage',
        'Bearer ',
        'Bearer',
        'Basic dXNlcjpwYXNz',
        `Bearer ${jwt(claims, '', 'none')}`,
        `Bearer ${jwt(claims, 'not-the-secret-not-the-secret-0123456789')}`,
        `Bearer ${jwt({ ...claims, exp: 1 }, 'x')}`,
        `Bearer sbk_${'a'.repeat(40)}`,
        `Bearer sbk_`,
        `Bearer ${'x'.repeat(8000)}`,
        `bearer ${w.a.owner.accessToken}x`,
        `Bearer ${w.a.owner.refreshToken}`,
      )
      .map((authorization): Actor => ({ name: `forged credential`, authorization }));
    return fc.oneof(
      { arbitrary: fc.constantFrom(...w.actors), weight: 10 },
      { arbitrary: forged, weight: 1 },
    );
  }

  private query(op: Operation): fc.Arbitrary<string> {
    const params = op.parameters.filter((p) => p.in === 'query');
    type Pairs = [string, unknown][];
    const one = (p: Schema): fc.Arbitrary<Pairs> =>
      fc.oneof(
        { arbitrary: fc.constant<Pairs>([]), weight: 3 },
        {
          arbitrary: this.value(p.schema, p.name, 'valid').map((v): Pairs => [[p.name, v]]),
          weight: 4,
        },
        {
          arbitrary: this.value(p.schema, p.name, 'mutated').map((v): Pairs => [[p.name, v]]),
          weight: 2,
        },
        // The parameter twice (an array where one value is expected).
        {
          arbitrary: fc
            .tuple(this.value(p.schema, p.name, 'valid'), this.value(p.schema, p.name, 'valid'))
            .map(([x, y]): Pairs => [
              [p.name, x],
              [p.name, y],
            ]),
          weight: 1,
        },
      );
    const extra = fc.oneof(
      { arbitrary: fc.constant<[string, unknown][]>([]), weight: 6 },
      {
        arbitrary: fc.array(fc.tuple(oddKey, hostileValue), { minLength: 1, maxLength: 2 }),
        weight: 1,
      },
      {
        arbitrary: fc
          .constantFrom(...(params.length ? params.map((p) => p.name as string) : ['q']))
          .map((n): [string, unknown][] => [
            [`${n}[$gt]`, ''],
            [`${n}[0]`, 'x'],
          ]),
        weight: 1,
      },
    );
    const malformed = fc.oneof(
      { arbitrary: fc.constant(''), weight: 12 },
      {
        arbitrary: fc.constantFrom(
          '%E0%A4%A',
          '%',
          '%zz',
          '&&&',
          '=x',
          'a=%00',
          '%C0%AF',
          '%FF%FE',
        ),
        weight: 1,
      },
    );
    return fc.tuple(fc.tuple(...params.map(one)), extra, malformed).map(([values, more, raw]) => {
      const parts = [...values.flat(), ...more].flatMap(([k, v]) => queryParts(k, v));
      if (raw) parts.push(raw);
      return parts.length > 0 ? `?${parts.join('&')}` : '';
    });
  }

  private headers(op: Operation): fc.Arbitrary<Record<string, string>> {
    const header = (values: fc.Arbitrary<string>, weight = 1) =>
      fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 * weight }, values);
    const latin = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n\0]/g, ''));
    const idempotent = op.parameters.some((p) => p.in === 'header' && p.name === 'idempotency-key');
    return fc
      .record({
        'idempotency-key': header(
          fc.oneof(
            fc
              .string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 8, maxLength: 16 })
              .map((h) => `fz-${h}`),
            fc.constantFrom('', ' ', 'x'.repeat(256), 'x'.repeat(4000), 'é', '../x', '$gt'),
            latin,
          ),
          idempotent ? 1 : 4,
        ),
        'if-match': header(
          fc.oneof(
            fc.constantFrom(
              '"1"',
              'W/"1"',
              '1',
              '*',
              '"-1"',
              '"1e400"',
              '9'.repeat(40),
              '"x"',
              'W/',
              '',
            ),
            latin,
          ),
        ),
        accept: header(fc.constantFrom('text/html', 'application/xml', '*/*', 'image/png', '')),
        'x-request-id': header(fc.constantFrom('x'.repeat(129), 'a b', '', '../../x', '$gt'), 2),
        'x-forwarded-for': header(fc.constantFrom('1.2.3.4', 'garbage', '::1, x', ''), 2),
        traceparent: header(fc.constantFrom('00-xyz', '', 'x'.repeat(300)), 3),
      })
      .map(
        (h) =>
          Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<
            string,
            string
          >,
      );
  }

  /** The body and its content type: valid, mutated, or hostile at the transport level. */
  private body(op: Operation): fc.Arbitrary<{ body?: unknown; rawBody?: string; type?: string }> {
    if (!op.body) {
      // A body where none is expected, now and then.
      return fc.oneof(
        { arbitrary: fc.constant({}), weight: 12 },
        {
          arbitrary: hostileValue.map((body) => ({ body, type: 'application/json' })),
          weight: op.method === 'GET' ? 0 : 1,
        },
      );
    }
    if (op.body.type === 'text/csv') return this.csvBody();
    const schema = op.body.schema;
    const json = 'application/json';
    const oversized = fc
      .integer({ min: 1_100_000, max: 1_300_000 })
      .map((n) => ({ body: { name: 'x'.repeat(n) }, type: json }));
    const transport = fc.oneof(
      fc
        .constantFrom(
          '',
          '{',
          '{"a":',
          'nul',
          '[1,]',
          '\u0000',
          '{"a":1}garbage',
          '\ufeff{}',
          'null',
          '[]',
          '"str"',
          '123',
          'true',
          "{'a':1}",
          '{"__proto__":{"polluted":true}}',
          '{"constructor":{"prototype":{"polluted":true}}}',
        )
        .map((rawBody) => ({ rawBody, type: json })),
      fc
        .tuple(
          validOf(schema, this.ctx),
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'text/csv',
            'application/json; charset=utf-16',
            'application/json; charset=latin1',
            'application/vnd.api+json',
            'APPLICATION/JSON',
            'application/problem+json',
            'application/octet-stream',
          ),
        )
        .map(([body, type]) => ({ body, type })),
      validOf(schema, this.ctx).map((body) => ({ body })), // no content type at all
      fc
        .tuple(
          fc.integer({ min: 33, max: 20_000 }),
          fc.constantFrom('object' as const, 'array' as const),
        )
        .map(([d, k]) => ({ body: deepNesting(d, k), type: json })),
      oversized,
    );
    return fc.oneof(
      { arbitrary: validOf(schema, this.ctx).map((body) => ({ body, type: json })), weight: 4 },
      { arbitrary: mutatedOf(schema, this.ctx).map((body) => ({ body, type: json })), weight: 5 },
      { arbitrary: transport, weight: 2 },
    );
  }

  private csvBody(): fc.Arbitrary<{ body?: unknown; rawBody?: string; type?: string }> {
    const columns = fc.constantFrom(
      'email',
      'firstName',
      'lastName',
      'name',
      'phone',
      'tags',
      'stage',
      'ownerId',
      'companyId',
      'birthDate',
      'metadata.a',
      'metadata.$gt',
      'metadata.a.b',
      'custom.x',
      '$where',
      '',
      '__proto__',
    );
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      weirdString,
      fc.emailAddress(),
      fc.constantFrom('=SUM(A1)', '"quoted, cell"', '"unbalanced', 'a;b;c', '1e400'),
    );
    const csv = fc
      .tuple(fc.array(columns, { minLength: 1, maxLength: 6 }), fc.nat({ max: 5 }))
      .chain(([head, rows]) =>
        fc
          .array(fc.array(cell, { minLength: head.length, maxLength: head.length }), {
            minLength: rows,
            maxLength: rows,
          })
          .map((body) => [head, ...body].map((r) => r.map(csvCell).join(',')).join('\n')),
      );
    return fc.oneof(
      { arbitrary: csv.map((rawBody) => ({ rawBody, type: 'text/csv' })), weight: 6 },
      {
        arbitrary: fc
          .constantFrom(
            '',
            '\n\n\n',
            'email\n',
            'a,b,a\n1,2,3',
            `email\n${'x'.repeat(100_000)}`,
            `${'c,'.repeat(5000)}c\n1`,
            '\u0000\u0001\u0002',
            '\ufeffemail\nbom@example.com',
          )
          .map((rawBody) => ({ rawBody, type: 'text/csv' })),
        weight: 2,
      },
      {
        arbitrary: fc
          .constantFrom(
            'application/json',
            'text/plain',
            'multipart/form-data; boundary=x',
            'text/csv; charset=utf-16',
          )
          .map((type) => ({ rawBody: 'email\na@example.com', type })),
        weight: 1,
      },
      { arbitrary: hugeString.map((rawBody) => ({ rawBody, type: 'text/csv' })), weight: 1 },
    );
  }

  /** Requests for one operation. */
  requestOf(op: Operation): fc.Arbitrary<FuzzRequest> {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const exposed = new Set(allIds(this.world.bExposed));
    return fc
      .record({
        actor: this.actor(),
        params: fc.tuple(...pathParams.map((p) => this.pathId(op.path, p.name as string))),
        query: this.query(op),
        headers: this.headers(op),
        body: this.body(op),
      })
      .map(({ actor, params, query, headers, body }) => {
        let path = op.path;
        let foreignPath = false;
        pathParams.forEach((p, i) => {
          const { value, raw } = params[i];
          if (exposed.has(value)) foreignPath = true;
          path = path.replace(`{${p.name}}`, raw ? value : encode(value));
        });
        const h: Record<string, string> = { ...headers };
        if (actor.authorization) h.authorization = actor.authorization;
        if (body.type) h['content-type'] = body.type;
        return {
          actor,
          method: op.method,
          url: `${path}${query}`,
          headers: h,
          ...(body.body !== undefined ? { body: body.body } : {}),
          ...(body.rawBody !== undefined ? { rawBody: body.rawBody } : {}),
          foreignPath,
        };
      });
  }
}

/** `key=value` pairs for a query value of any shape (arrays repeat, objects use brackets). */
function queryParts(key: string, value: unknown): string[] {
  const k = encode(key);
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => queryParts(key, v));
  if (value instanceof RawJson) return [`${k}=${encode(value.text.slice(0, 50_000))}`];
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([sub, v]) => queryParts(`${key}[${sub}]`, v));
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return [`${k}=${encode(text)}`];
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) && !value.startsWith('"') ? `"${value.replace(/"/g, '""')}"` : value;
}

/** encodeURIComponent, with lone surrogates (which it refuses) replaced first. */
export function encode(value: string): string {
  return encodeURIComponent(
    value.replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    ),
  );
}
