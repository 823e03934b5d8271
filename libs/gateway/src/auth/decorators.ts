// Route decorators: authenticated by default (global AuthGuard); `@Public()` opts out,
// `@Roles(...)` narrows, `@CurrentUser()` injects the principal, `@AcceptStreamTicket()` lets a
// stream take a single-use ticket from the query string.
import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiQuery, ApiSecurity } from '@nestjs/swagger';
import { SWITCH_BASIC_SCHEME } from '../openapi/openapi.js';
import type { HttpRequest } from '../http-types.js';
import type { Principal, Role } from './principal.js';

export const IS_PUBLIC = 'billing:gateway:public';
export const ROLES_METADATA = 'billing:gateway:roles';
export const STREAM_TICKET = 'billing:gateway:stream-ticket';

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
  );
}

/** What an @AcceptStreamTicket() route takes: tickets issued for `purpose`, by `issuedBy` (a path, for messages). */
export interface StreamTicketRoute {
  purpose: string;
  issuedBy: string;
}

/**
 * Also take a stream ticket (StreamTickets, issued for `route.purpose`) as `?ticket=` when no
 * Authorization header is sent — for Server-Sent Events, whose browser client (EventSource) cannot
 * set headers. A ticket is single-use and lives 30 s, so the URL that logs keep opens nothing.
 * The header wins when both are present. A bearer token in the URL (`?access_token=`) is refused.
 */
export function AcceptStreamTicket(route: StreamTicketRoute): MethodDecorator {
  return applyDecorators(
    SetMetadata(STREAM_TICKET, route),
    ApiQuery({
      name: 'ticket',
      required: false,
      type: String,
      description: `a single-use stream ticket (30 s) from POST ${route.issuedBy}, for clients that cannot send an Authorization header (EventSource)`,
    }),
  );
}

/** The authenticated principal (`undefined` only on `@Public()` routes). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest<HttpRequest>().user;
});
