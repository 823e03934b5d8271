// The OpenAPI document of the standalone app (every route of every service) checked against what
// the routes really do, so that the two cannot drift: the app is built in Nest's preview mode
// (routes and decorators, no provider started), the document as /api/docs serves it, and each
// route's validators are read from the same metadata the validation pipe uses.
//  - every operation has a summary;
//  - every body, query string and path parameter in the document is the JSON schema of the zod
//    validator the route applies (one conversion, openApiSchema);
//  - no integer bound is zod's ±(2^53 − 1); the accounts domain's limits are stated where a body carries them;
//  - every problem the edge answers for a route (400 validation / malformed_json, 413, 415, 401,
//    403, the Idempotency-Key problems) and every code the route declares is in its responses;
//  - the CDR and rate-sheet bodies are JSON schemas, the CSV alternative described.
//  - every CSV answer (?format=csv) is text with its header line, not the JSON object's schema.
import {
  MAX_BATCH_CUSTOMERS,
  MAX_CALL_DURATION_SECONDS,
  MAX_CONCURRENT_CALLS,
  MAX_RING_SECONDS,
  MIN_BATCH_CUSTOMERS,
  MIN_CALL_DURATION_SECONDS,
  MIN_CONCURRENT_CALLS,
  MIN_RING_SECONDS,
} from '@billing/accounts-domain';
import { buildOpenApiDocument, IDEMPOTENT_METADATA, IS_PUBLIC, loadGatewayConfig, openApiSchema, problemsOf, routeHandlers, routeMethod, withPreviewApp, type RouteHandler } from '@billing/gateway';
import { InProcessBus, silentLogger } from '@billing/messaging';
import type { OpenAPIObject } from '@nestjs/swagger';
import pg from 'pg';
import { serviceModules } from './service-modules.js';

type Json = Record<string, any>;

let document: OpenAPIObject;
let routes: RouteHandler[];

beforeAll(async () => {
  const pool = new pg.Pool({ max: 1 }); // never connected: nothing starts in preview
  const bus = new InProcessBus({ logger: silentLogger });
  try {
    ({ document, routes } = await withPreviewApp(serviceModules({ config: loadGatewayConfig({}), pool, bus, sipRealm: 'sip.example.com' }), (app) => ({
      document: buildOpenApiDocument(app),
      routes: routeHandlers(app),
    })));
  } finally {
    await bus.close();
    await pool.end();
  }
});

const operations = (): { path: string; method: string; operation: Json }[] =>
  Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item as Json).filter(([, op]) => typeof op === 'object' && op !== null && 'responses' in op).map(([method, operation]) => ({ path, method, operation: operation as Json })));

function operationOf(route: RouteHandler): { path: string; operation: Json } {
  const found = operations().find(({ method, operation }) => method === routeMethod(route) && (operation.operationId === route.operationId || operation.operationId === `${route.operationId}_${method}`));
  if (found === undefined) throw new Error(`${route.operationId} is not in the document`);
  return found;
}

/** What @nestjs/swagger does to a converted schema: `examples` → `example`, `const` → `enum`. */
function normalised(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalised);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'examples' && Array.isArray(child) && !('example' in value)) out['example'] = child[0];
    else if (key === 'const') out['enum'] = [child];
    else out[key] = normalised(child);
  }
  return out;
}

const converted = (schema: unknown): Json => normalised(openApiSchema(schema, { schemaType: 'input' })!.schema) as Json;

function walk(value: unknown, visit: (node: Json, at: string) => void, at = ''): void {
  if (Array.isArray(value)) value.forEach((child, i) => walk(child, visit, `${at}/${i}`));
  else if (value !== null && typeof value === 'object') {
    visit(value as Json, at);
    for (const [key, child] of Object.entries(value)) walk(child, visit, `${at}/${key}`);
  }
}

it('finds the routes of every service', () => {
  expect(routes.length).toBeGreaterThan(60);
  expect(operations()).toHaveLength(routes.length);
});

it('gives every operation a summary', () => {
  const missing = routes.filter((route) => typeof operationOf(route).operation.summary !== 'string' || operationOf(route).operation.summary.trim() === '').map((route) => route.operationId);
  expect(missing).toEqual([]);
});

it('documents every body, query string and path parameter as the JSON schema of the validator the route applies', () => {
  let compared = 0;
  for (const route of routes) {
    const { operation } = operationOf(route);
    for (const [part, schema] of route.schemas) {
      const expected = converted(schema);
      if (part === 'body') {
        expect({ route: route.operationId, body: operation.requestBody?.content?.['application/json']?.schema }).toEqual({ route: route.operationId, body: expected });
      } else if (part === 'query') {
        // an object: one parameter per property; a union of objects: every member's fields, each optional
        const members = (expected.properties === undefined ? (expected.anyOf as Json[]) : [expected]) ?? [];
        const properties: Json = Object.assign({}, ...members.map((member) => member.properties ?? {}));
        const required: string[] = expected.required ?? [];
        const documented = (operation.parameters as Json[]).filter((p) => p.in === 'query');
        expect({ route: route.operationId, query: documented.map((p) => p.name).sort() }).toStrictEqual({ route: route.operationId, query: Object.keys(properties).sort() });
        for (const parameter of documented) {
          const { description: _d, ...property } = properties[parameter.name] as Json;
          expect({ route: route.operationId, name: parameter.name, schema: parameter.schema, required: parameter.required }).toEqual({
            route: route.operationId,
            name: parameter.name,
            schema: expect.objectContaining(property),
            required: required.includes(parameter.name),
          });
        }
      } else {
        const name = part.slice('param:'.length);
        const parameter = (operation.parameters as Json[]).find((p) => p.in === 'path' && p.name === name);
        expect({ route: route.operationId, name, schema: parameter?.schema }).toEqual({ route: route.operationId, name, schema: expected });
      }
      compared += 1;
    }
  }
  expect(compared).toBeGreaterThan(80);
});

it('states no integer bound that is only the range of a JS integer (±(2^53 − 1))', () => {
  const found: string[] = [];
  walk(document, (node, at) => {
    if (node.minimum === Number.MIN_SAFE_INTEGER || node.maximum === Number.MAX_SAFE_INTEGER) found.push(at);
  });
  expect(found).toEqual([]);
});

it("states the accounts domain's limits wherever a request body carries them", () => {
  const limits: Record<string, [number, number]> = {
    maxConcurrentCalls: [MIN_CONCURRENT_CALLS, MAX_CONCURRENT_CALLS],
    maxCallDurationSeconds: [MIN_CALL_DURATION_SECONDS, MAX_CALL_DURATION_SECONDS],
    ringSeconds: [MIN_RING_SECONDS, MAX_RING_SECONDS],
  };
  const seen = new Map<string, number>();
  for (const { operation } of operations()) {
    walk(operation.requestBody ?? {}, (node) => {
      for (const [name, property] of Object.entries((node.properties ?? {}) as Json)) {
        const bounds = limits[name];
        if (bounds === undefined) continue;
        expect({ name, minimum: property.minimum, maximum: property.maximum }).toEqual({ name, minimum: bounds[0], maximum: bounds[1] });
        seen.set(name, (seen.get(name) ?? 0) + 1);
      }
    });
  }
  expect([...seen.keys()].sort()).toEqual(Object.keys(limits).sort());
  const batch = document.paths['/api/v1/customers/batch']!.post!.requestBody as Json;
  expect(batch.content['application/json'].schema.properties.count).toMatchObject({ minimum: MIN_BATCH_CUSTOMERS, maximum: MAX_BATCH_CUSTOMERS });
});

/** The codes a documented response of this status admits (its schema's `code` enum). */
function documentedCodes(operation: Json, status: number): string[] {
  const schema = operation.responses?.[String(status)]?.content?.['application/problem+json']?.schema as Json | undefined;
  return (schema?.allOf as Json[] | undefined)?.flatMap((part) => (part.properties?.code?.enum as string[] | undefined) ?? []) ?? [];
}

it('lists every problem code an operation can answer: the edge\'s, from the decorators the request goes through, and the route\'s own', () => {
  const missing: string[] = [];
  const expectCode = (route: RouteHandler, operation: Json, status: number, code: string) => {
    if (!documentedCodes(operation, status).includes(code)) missing.push(`${route.operationId} ${status} ${code}`);
  };
  for (const route of routes) {
    const { operation } = operationOf(route);
    const flag = (key: string) => Reflect.getMetadata(key, route.handler) ?? Reflect.getMetadata(key, route.controller);
    if (route.schemas.size > 0) expectCode(route, operation, 400, 'validation');
    if (operation.requestBody?.content?.['application/json'] !== undefined) {
      // any JSON body goes through the JSON parser first, whoever validates it then
      expectCode(route, operation, 400, 'malformed_json');
      expectCode(route, operation, 413, 'payload_too_large');
    }
    if (route.schemas.has('body')) {
      expectCode(route, operation, 415, 'unsupported_media_type');
      expectCode(route, operation, 413, 'payload_too_large');
    }
    if (flag(IS_PUBLIC) !== true) {
      expectCode(route, operation, 401, 'unauthorized');
      expectCode(route, operation, 403, 'forbidden');
    }
    if (flag(IDEMPOTENT_METADATA) !== undefined) {
      expectCode(route, operation, 400, 'invalid_idempotency_key');
      expectCode(route, operation, 422, 'idempotency_key_reused');
      expectCode(route, operation, 409, 'idempotency_key_in_progress');
    }
    for (const declared of problemsOf(route)) for (const code of declared.codes) expectCode(route, operation, declared.status, code);
  }
  expect(missing).toEqual([]);
});

it('names the codes of every error answer it documents', () => {
  const uncoded = operations()
    .filter(({ path }) => path !== '/health') // /health answers its status document, not a problem
    .flatMap(({ path, method, operation }) => Object.keys(operation.responses).filter((status) => /^[45]\d\d$/.test(status) && documentedCodes(operation, Number(status)).length === 0).map((status) => `${method} ${path} ${status}`));
  expect(uncoded).toEqual([]);
});

it('writes every documented problem code in snake_case', () => {
  const codes = new Set(operations().flatMap(({ operation }) => Object.keys(operation.responses).flatMap((status) => (/^\d+$/.test(status) ? documentedCodes(operation, Number(status)) : []))));
  expect(codes.size).toBeGreaterThan(50);
  expect([...codes].filter((code) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(code))).toEqual([]);
});

it('documents the CDR and rate-sheet bodies as JSON schemas, with the CSV alternative', () => {
  const cdrs = document.paths['/api/v1/switch/cdrs']!.post!.requestBody as Json;
  const [one, batch] = cdrs.content['application/json'].schema.anyOf as Json[];
  expect(Object.keys(one!.properties)).toEqual(expect.arrayContaining(['callId', 'account', 'sipUsername', 'destination', 'startedAt', 'answeredAt', 'endedAt', 'billsec', 'disposition']));
  expect(batch!.properties.cdrs).toMatchObject({ type: 'array', minItems: 1, maxItems: 1000 });
  for (const path of ['/api/v1/rate-sheets', '/api/v1/rate-sheets/{id}/versions']) {
    const body = document.paths[path]!.post!.requestBody as Json;
    expect(body.content['application/json'].schema.properties.rows.items.properties).toHaveProperty('intervals');
    expect(body.content['text/csv'].schema).toMatchObject({ type: 'string', description: expect.stringMatching(/prefix, destination/) });
  }
  expect((document.paths['/api/v1/switch/cdrs/freeswitch']!.post!.requestBody as Json).content['application/json'].schema.properties.variables.properties).toHaveProperty('billsec');
});

it('describes every CSV answer as text (@ApiCsvResponse), never with the JSON object\'s schema', () => {
  const csv = operations().flatMap(({ path, method, operation }) =>
    Object.entries(operation.responses as Json)
      .filter(([status, response]) => /^2\d\d$/.test(status) && (response as Json).content?.['text/csv'] !== undefined)
      .map(([status, response]) => ({ at: `${method.toUpperCase()} ${path} ${status}`, schema: (response as Json).content['text/csv'].schema, json: (response as Json).content['application/json'] })),
  );
  // the ledger lines (3), the call history (3) and the customers' credentials (2: their 201)
  expect(csv.length).toBeGreaterThanOrEqual(8);
  for (const { at, schema, json } of csv) {
    expect({ at, schema }).toEqual({ at, schema: { type: 'string', description: expect.stringMatching(/header: [a-z_]+,/) } });
    expect({ at, json: json?.schema === undefined }).toEqual({ at, json: false });
  }
});

/** A 2xx answer is exempt from a JSON schema only when it carries no JSON: 204, or a CSV/XML/SSE/other media type. */
it('gives every 2xx JSON answer its response schema (the portal client is generated from it)', () => {
  const untyped = operations().flatMap(({ path, method, operation }) =>
    Object.entries(operation.responses as Json)
      .filter(([status]) => /^2\d\d$/.test(status) && status !== '204')
      .filter(([, response]) => {
        const content = (response as Json).content as Json | undefined;
        // no content at all: Nest's default answer (a JSON body nobody described); CSV/XML/SSE routes state their media type
        if (content === undefined) return true;
        return 'application/json' in content && (content['application/json'] as Json).schema === undefined;
      })
      .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
  );
  expect(untyped).toEqual([]);
});
