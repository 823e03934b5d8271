// Which problem `code`s each operation can answer, for OpenAPI. Two sources, both read from the
// route's own metadata so that the document cannot forget what the route does:
//  - what the edge itself answers, derived from the decorators the request really goes through:
//    a validated body/query/parameter → 400 `validation` (a body also `malformed_json`, 413, 415),
//    an authenticated route → 401/403, @Idempotent() → its key problems;
//  - what the route declares with @ApiProblemResponse(status, description, codes): its service's
//    and domain's refusals.
import { HttpStatus, RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA, RouteParamtypes } from '@nestjs/common/internal';

export const PROBLEM_RESPONSES_METADATA = 'billing:gateway:problem-responses';

export interface ProblemResponseDoc {
  status: number;
  description: string;
  codes: readonly string[];
}

/** Records an error answer of an operation (or of every operation of a controller). */
export function recordProblemResponse(target: object, doc: ProblemResponseDoc): void {
  const existing = (Reflect.getMetadata(PROBLEM_RESPONSES_METADATA, target) as ProblemResponseDoc[] | undefined) ?? [];
  Reflect.defineMetadata(PROBLEM_RESPONSES_METADATA, [...existing, doc], target);
}

/** A route handler of the app, with what the edge knows about it. */
export interface RouteHandler {
  /** the operationId @nestjs/swagger gives it: `<Controller>_<method>`. */
  operationId: string;
  controller: Type;
  methodName: string;
  handler: (...args: unknown[]) => unknown;
  /** the schemas the validation pipe applies, by request part (`body`, `query`, `param:<name>`). */
  schemas: Map<string, unknown>;
}

interface RouteArg {
  index: number;
  data?: unknown;
  schema?: unknown;
}

const PART: Partial<Record<number, string>> = { [RouteParamtypes.BODY]: 'body', [RouteParamtypes.QUERY]: 'query', [RouteParamtypes.PARAM]: 'param' };

/** Every controller method with a route, as the app (started or in preview) holds them. */
export function routeHandlers(app: INestApplication): RouteHandler[] {
  const container = (app as unknown as { container: { getModules(): Map<string, { controllers: Map<unknown, { metatype: Type | null }> }> } }).container;
  const handlers: RouteHandler[] = [];
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype;
      if (controller === null) continue;
      for (const methodName of Object.getOwnPropertyNames(controller.prototype)) {
        if (methodName === 'constructor') continue;
        const handler = (controller.prototype as Record<string, unknown>)[methodName];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        handlers.push({ operationId: `${controller.name}_${methodName}`, controller, methodName, handler: handler as RouteHandler['handler'], schemas: validatedParts(controller, methodName) });
      }
    }
  }
  return handlers;
}

function validatedParts(controller: Type, methodName: string): Map<string, unknown> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) as Record<string, RouteArg> | undefined) ?? {};
  const parts = new Map<string, unknown>();
  for (const [key, arg] of Object.entries(args)) {
    const part = PART[Number(key.split(':')[0])];
    if (part === undefined || arg.schema === undefined) continue;
    parts.set(part === 'param' ? `param:${String(arg.data)}` : part, arg.schema);
  }
  return parts;
}

export interface EdgeFacts {
  isPublic: boolean;
  /** the roles the route admits (@Roles on the method, else on the controller, else the default). */
  roles: readonly string[];
  /** the operation takes a JSON body (documented), whether or not the pipe validates it with a schema. */
  readsJsonBody: boolean;
  idempotent: { required: boolean } | undefined;
}

/** The problems the edge itself may answer for this route, before or around its handler. */
export function edgeProblems(route: RouteHandler, facts: EdgeFacts): ProblemResponseDoc[] {
  const docs: ProblemResponseDoc[] = [];
  const hasBody = route.schemas.has('body');
  if (route.schemas.size > 0) {
    docs.push({ status: HttpStatus.BAD_REQUEST, description: 'the request is invalid (every field error in `errors`)', codes: hasBody ? ['validation', 'malformed_json'] : ['validation'] });
  }
  if (!hasBody && facts.readsJsonBody) {
    docs.push({ status: HttpStatus.BAD_REQUEST, description: 'the body is not JSON, or not an object', codes: ['malformed_json'] });
    docs.push({ status: HttpStatus.PAYLOAD_TOO_LARGE, description: 'the body is larger than the limit', codes: ['payload_too_large'] });
  }
  if (hasBody) {
    docs.push({ status: HttpStatus.PAYLOAD_TOO_LARGE, description: 'the body is larger than the limit', codes: ['payload_too_large'] });
    docs.push({ status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, description: 'the body is not JSON', codes: ['unsupported_media_type'] });
  }
  if (!facts.isPublic) {
    docs.push({ status: HttpStatus.UNAUTHORIZED, description: 'missing, invalid or revoked credentials', codes: ['unauthorized'] });
    docs.push({ status: HttpStatus.FORBIDDEN, description: `not allowed for this role (allowed: ${facts.roles.join(', ')})`, codes: ['forbidden'] });
  }
  if (facts.idempotent !== undefined) {
    docs.push({
      status: HttpStatus.BAD_REQUEST,
      description: 'a malformed Idempotency-Key',
      codes: facts.idempotent.required ? ['invalid_idempotency_key', 'idempotency_key_required'] : ['invalid_idempotency_key'],
    });
    docs.push({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'the Idempotency-Key was used for another request', codes: ['idempotency_key_reused'] });
    docs.push({ status: HttpStatus.CONFLICT, description: 'a request with this Idempotency-Key is still running', codes: ['idempotency_key_in_progress'] });
  }
  return docs;
}

/** What the route and its controller declared with @ApiProblemResponse. */
export function declaredProblems(route: RouteHandler): ProblemResponseDoc[] {
  return [
    ...((Reflect.getMetadata(PROBLEM_RESPONSES_METADATA, route.controller) as ProblemResponseDoc[] | undefined) ?? []),
    ...((Reflect.getMetadata(PROBLEM_RESPONSES_METADATA, route.handler) as ProblemResponseDoc[] | undefined) ?? []),
  ];
}

/** The HTTP method of a route, lower-case as in an OpenAPI path item. */
export function routeMethod(route: RouteHandler): string {
  return RequestMethod[Reflect.getMetadata(METHOD_METADATA, route.handler) as RequestMethod].toLowerCase();
}
