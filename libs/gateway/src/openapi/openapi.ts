// OpenAPI at /api/docs (UI) and /api/docs-json. Request bodies, query strings and parameters come
// from the zod schemas given to @ValidBody/@ValidQuery/@ValidParam — converted in one place,
// `openApiSchema` (SwaggerModule's standardSchemaConverter) — responses from
// @ApiResponse({ schema: zodSchema(S) }); every error answer is problem+json with the `code`s the
// operation can answer (problem-responses.ts).
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { DEFAULT_ROLES } from '../auth/auth.guard.js';
import { IS_PUBLIC, ROLES_METADATA } from '../auth/decorators.js';
import { SESSION_COOKIE } from '../auth/session-cookies.js';
import { IDEMPOTENT_METADATA, type IdempotentOptions } from '../idempotency/idempotent.decorator.js';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem.js';
import { hoistInlineDefinitions } from './hoist-definitions.js';
import { declaredProblems, edgeProblems, recordProblemResponse, routeHandlers, routeMethod, type ProblemResponseDoc, type RouteHandler } from './problem-responses.js';

export const OPENAPI_UI_PATH = 'api/docs';
/** The security scheme of the switch's HTTP Basic credentials (routes whose @Roles names `switch`). */
export const SWITCH_BASIC_SCHEME = 'switchBasic';

export const ProblemSchema = z
  .looseObject({
    type: z.string().meta({ example: 'urn:itc-billing:problem:validation' }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().meta({ description: 'stable machine-readable code, snake_case (the last segment of type)' }),
    errors: z.array(z.object({ path: z.string().meta({ description: 'JSON Pointer' }), message: z.string() })).optional(),
  })
  .meta({ description: 'RFC 9457 problem details' });

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/**
 * Documents an error answer of an operation (or, on a class, of each of its operations) as
 * problem+json, with the `code`s it answers: `@ApiProblemResponse(409, 'not enough money', ['insufficient_funds'])`.
 * Without `codes`, the snake_case words of the description are the codes (`'sheet_exists'`,
 * `'effective_from_taken, too_many_versions'`). The edge's own problems (validation, auth,
 * Idempotency-Key) are added from the route's decorators.
 */
export function ApiProblemResponse(status: number, description: string, codes?: readonly string[]): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    recordProblemResponse((descriptor?.value as object | undefined) ?? target, { status, description, codes: codes ?? codesIn(description) });
  };
}

/** The problem codes a description names: its snake_case words. */
export function codesIn(description: string): string[] {
  return [...new Set(description.match(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g) ?? [])];
}

const REQUEST_BODY_METADATA = 'billing:gateway:request-body';

/**
 * The request body of a route that reads it itself (a CSV stream, a body a domain parser checks):
 * one schema per media type, `{ 'application/json': zodSchema(S, 'input'), 'text/csv': {type: 'string', …} }`.
 */
export function ApiRequestBody(content: Record<string, Record<string, unknown>>, description?: string): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(REQUEST_BODY_METADATA, { required: true, ...(description === undefined ? {} : { description }), content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])) }, descriptor.value as object);
  };
}

const CSV_RESPONSE_METADATA = 'billing:gateway:csv-response';

/**
 * A route that answers CSV as well as JSON (?format=csv or Accept: text/csv): each of its success
 * answers gets a `text/csv` alternative described as text, `description` saying what is in it (its
 * header line). Instead of @ApiProduces('application/json', 'text/csv'), which documents the CSV
 * with the JSON object's schema (and the portal client would type it as that object).
 */
export function ApiCsvResponse(description: string): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(CSV_RESPONSE_METADATA, description, descriptor.value as object);
  };
}

/** A zod schema as an OpenAPI 3.0 schema object (for @ApiResponse({ schema }) and friends). */
export function zodSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return withoutSafeIntegerBounds(json) as Record<string, unknown>;
}

/**
 * The one conversion of a request schema (SwaggerModule's standardSchemaConverter): zod's own, minus
 * the ±(2^53 − 1) that zod gives every `.int()` — the range of a JS integer, not a limit of the API:
 * stated, it hid that a field had no documented bound; a real one is the schema's `.min/.max`, or its
 * `.meta({ minimum, maximum })` when the rule (and its 422) lives in the domain.
 */
export function openApiSchema(schema: unknown, options: { schemaType: 'input' | 'output' }): { schema: unknown; components?: Record<string, unknown> } | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  const { $defs, ...json } = zodSchema(schema, options.schemaType);
  return { schema: json, ...($defs === undefined ? {} : { components: $defs as Record<string, unknown> }) };
}

function withoutSafeIntegerBounds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSafeIntegerBounds);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if ((key === 'minimum' && child === Number.MIN_SAFE_INTEGER) || (key === 'maximum' && child === Number.MAX_SAFE_INTEGER)) continue;
    out[key] = withoutSafeIntegerBounds(child);
  }
  return out;
}

export function buildOpenApiDocument(app: INestApplication, version = '1'): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ITC billing API')
    .setDescription(
      'Event-sourced billing for a VoIP operator and its agents. Money is a decimal string. Errors are ' +
        'RFC 9457 application/problem+json; each operation lists the `code`s it can answer. Authenticate with ' +
        '`POST /api/v1/auth/login` and send `Authorization: Bearer <accessToken>`; the softswitch sends its API key ' +
        'the same way, or — on the switch routes only — as the HTTP Basic password of user `switch` (FreeSWITCH ' +
        'mod_xml_curl). POSTs that move money honour `Idempotency-Key`.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT or switch API key' }, 'bearer')
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'switch routes only: user `switch`, password = SWITCH_API_KEY' }, SWITCH_BASIC_SCHEME)
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'the portal session (POST /auth/login with session: true); only /auth/session and /auth/logout take it, with X-CSRF-Token' }, 'session')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, { standardSchemaConverter: openApiSchema });
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Problem: zodSchema(ProblemSchema) as never };
  const routes = new Map(routeHandlers(app).map((route) => [route.operationId, route]));
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem)) {
      if (operation === null || typeof operation !== 'object' || !('responses' in operation)) continue;
      const { operationId, responses } = operation as { operationId?: string; responses: Record<string, unknown> };
      const route = operationId === undefined ? undefined : (routes.get(operationId) ?? routes.get(operationId.replace(/_[a-z]+$/, '')));
      if (route !== undefined && routeMethod(route) === method) {
        const body = Reflect.getMetadata(REQUEST_BODY_METADATA, route.handler) as unknown;
        if (body !== undefined) (operation as { requestBody?: unknown }).requestBody = body;
        const csv = Reflect.getMetadata(CSV_RESPONSE_METADATA, route.handler) as string | undefined;
        if (csv !== undefined) addCsvAlternative(responses, csv);
        const requestBody = (operation as { requestBody?: { content?: Record<string, unknown> } }).requestBody;
        for (const [status, response] of problemResponses(problemsOf(route, requestBody?.content?.['application/json'] !== undefined))) responses[status] = response;
        const query = route.schemas.get('query');
        if (query !== undefined) alternativeQueryParameters(operation as { parameters?: Record<string, unknown>[] }, query);
      }
      responses.default ??= { description: 'Error (RFC 9457 problem details)', content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } } };
    }
  }
  return hoistInlineDefinitions(document);
}

/** Every 2xx answer of a CSV-exporting route: its JSON as documented, or text/csv. */
function addCsvAlternative(responses: Record<string, unknown>, description: string): void {
  for (const [status, response] of Object.entries(responses)) {
    if (!/^2\d\d$/.test(status) || response === null || typeof response !== 'object') continue;
    const answer = response as { content?: Record<string, unknown> };
    answer.content = { ...answer.content, 'text/csv': { schema: { type: 'string', description } } };
  }
}

/**
 * @nestjs/swagger turns an object query schema into one parameter per property, but a union of
 * objects (`?account=` | `?sipUsername=`) into one nameless parameter: list the members' fields,
 * each optional, instead.
 */
function alternativeQueryParameters(operation: { parameters?: Record<string, unknown>[] }, query: unknown): void {
  const converted = openApiSchema(query, { schemaType: 'input' })?.schema as { properties?: unknown; anyOf?: { properties?: Record<string, unknown> }[] } | undefined;
  if (converted?.properties !== undefined || converted?.anyOf === undefined) return;
  const names = converted.anyOf.map((member) => Object.keys(member.properties ?? {}).join(' + ')).join(' | ');
  const fields = new Map(converted.anyOf.flatMap((member) => Object.entries(member.properties ?? {})));
  operation.parameters = [
    ...(operation.parameters ?? []).filter((parameter) => parameter['in'] !== 'query' || typeof parameter['name'] === 'string'),
    ...[...fields].map(([name, schema]) => ({ name, in: 'query', required: false, description: `one of: ${names}`, schema })),
  ];
}

/**
 * Every problem a route can answer: the edge's (from its decorators) and the ones it declared.
 * `readsJsonBody`: the operation takes a JSON body (which the JSON parser reads first, whoever validates it).
 */
export function problemsOf(route: RouteHandler, readsJsonBody = false): ProblemResponseDoc[] {
  const flag = (key: string) => Reflect.getMetadata(key, route.handler) ?? Reflect.getMetadata(key, route.controller);
  const idempotent = flag(IDEMPOTENT_METADATA) as Required<IdempotentOptions> | undefined;
  const roles = flag(ROLES_METADATA) as readonly string[] | undefined;
  return [...edgeProblems(route, { isPublic: flag(IS_PUBLIC) === true, roles: roles ?? DEFAULT_ROLES, idempotent, readsJsonBody }), ...declaredProblems(route)];
}

/** One response per status: the descriptions joined, `code` restricted to the codes of that status. */
function problemResponses(docs: readonly ProblemResponseDoc[]): Map<string, unknown> {
  const byStatus = new Map<number, { descriptions: string[]; codes: Set<string> }>();
  for (const doc of docs) {
    const entry = byStatus.get(doc.status) ?? { descriptions: [], codes: new Set<string>() };
    if (!entry.descriptions.includes(doc.description)) entry.descriptions.push(doc.description);
    for (const code of doc.codes) entry.codes.add(code);
    byStatus.set(doc.status, entry);
  }
  const responses = new Map<string, unknown>();
  for (const [status, { descriptions, codes }] of [...byStatus].sort(([a], [b]) => a - b)) {
    const listed = [...codes].sort();
    const schema = listed.length === 0 ? PROBLEM_REF : { allOf: [PROBLEM_REF, { type: 'object', properties: { code: { type: 'string', enum: listed } } }] };
    const description = descriptions.join('; ') + (listed.length === 0 ? '' : ` (code ${listed.map((c) => `\`${c}\``).join(', ')})`);
    responses.set(String(status), { description, content: { [PROBLEM_CONTENT_TYPE]: { schema } } });
  }
  return responses;
}

export function setupOpenApi(app: INestApplication, document: OpenAPIObject = buildOpenApiDocument(app)): OpenAPIObject {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_UI_PATH}-json`, customSiteTitle: 'ITC billing API' });
  return document;
}
