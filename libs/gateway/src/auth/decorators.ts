// Route decorators: authenticated by default (global AuthGuard); `@Public()` opts out,
// `@Roles(...)` narrows, `@CurrentUser()` injects the principal, `@AcceptQueryToken()` lets a
// stream take its token from the query string.
import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiQuery, ApiSecurity } from '@nestjs/swagger';
import { ApiProblemResponse, SWITCH_BASIC_SCHEME } from '../openapi/openapi.js';
import type { HttpRequest } from '../http-types.js';
import type { Principal, Role } from './principal.js';

export const IS_PUBLIC = 'billing:gateway:public';
export const ROLES_METADATA = 'billing:gateway:roles';
export const QUERY_TOKEN = 'billing:gateway:query-token';

/** No authentication (login, health, Stripe webhooks — which verify their own signature). */
export function Public(): MethodDecorator & ClassDecorator {
  // OpenAPI: an empty security requirement = callable without credentials.
  return applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));
}

/**
 * Only these roles (403 for the others). Without `@Roles` a route admits admin, agent and
 * customer, never the switch: the softswitch's key opens only routes that name `switch` — as a
 * bearer token, or as the HTTP Basic password of user `switch` (those routes only).
 */
export function Roles(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_METADATA, roles),
    ApiBearerAuth('bearer'),
    ...(roles.includes('switch') ? [ApiBasicAuth(SWITCH_BASIC_SCHEME)] : []),
    ApiProblemResponse(401, 'missing, invalid or revoked credentials'),
    ApiProblemResponse(403, `not allowed for this role (allowed: ${roles.join(', ')})`),
  );
}

/**
 * Also take the bearer token from `?access_token=` (RFC 6750 §2.3) when no Authorization header
 * is sent — for Server-Sent Events, whose browser client (EventSource) cannot set headers. The
 * header wins when both are present; the token is checked exactly like a header one. Use it on
 * GET streams only: URLs end up in proxy logs and browser history, so keep tokens short-lived.
 */
export function AcceptQueryToken(): MethodDecorator {
  return applyDecorators(
    SetMetadata(QUERY_TOKEN, true),
    ApiQuery({ name: 'access_token', required: false, type: String, description: 'the bearer token, for clients that cannot send an Authorization header (EventSource)' }),
  );
}

/** The authenticated principal (`undefined` only on `@Public()` routes). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest<HttpRequest>().user;
});
