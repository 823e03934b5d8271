// Global guard: every route needs a valid bearer credential unless @Public(); @Roles narrows
// who may call it (401 = who are you?, 403 = not allowed for your role). Routes whose @Roles
// names `switch` also take the switch key as HTTP Basic (mod_xml_curl). Resource ownership
// (another agent's customer → 404) is each controller's check, with assertVisible().
// @AcceptStreamTicket() routes (SSE) also take a single-use stream ticket as `?ticket=`.
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { HttpRequest } from '../http-types.js';
import { ProblemException } from '../problem/problem.js';
import { AuthService, unauthorized } from './auth.service.js';
import { IS_PUBLIC, ROLES_METADATA, STREAM_TICKET, type StreamTicketRoute } from './decorators.js';
import type { Principal, Role } from './principal.js';
import { StreamTickets } from './stream-tickets.js';

/** Who may call a route that has no @Roles: the human roles, never the switch. */
export const DEFAULT_ROLES: readonly Role[] = Object.freeze(['admin', 'agent', 'customer']);

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly tickets: StreamTickets,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true) return true;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets) ?? DEFAULT_ROLES;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const ticketRoute = this.reflector.getAllAndOverride<StreamTicketRoute | undefined>(STREAM_TICKET, targets);
    const header = request.headers.authorization;
    const principal =
      ticketRoute !== undefined && (header === undefined || header === '')
        ? await this.fromTicket(request, ticketRoute)
        : await this.auth.authenticate(header, { switchBasic: roles.includes('switch') });
    request.user = principal;

    if (!roles.includes(principal.role)) {
      throw new ProblemException(403, 'forbidden', `This operation is not available to the ${principal.role} role (allowed: ${roles.join(', ')}).`, {
        title: 'Forbidden',
      });
    }
    return true;
  }

  /** An @AcceptStreamTicket() route called without an Authorization header: `?ticket=`, used up here. */
  private async fromTicket(request: HttpRequest, route: StreamTicketRoute): Promise<Principal> {
    const { ticket, access_token: accessToken } = request.query ?? {};
    const how = `send "Authorization: Bearer <token>", or open the stream with a single-use ticket (?ticket=) from POST ${route.issuedBy}`;
    if (accessToken !== undefined) throw unauthorized(`A token in the URL is not accepted (URLs are logged): ${how}.`);
    if (typeof ticket !== 'string' || ticket === '') throw unauthorized(`This stream needs credentials: ${how}.`);
    const principal = await this.tickets.redeem(ticket, route.purpose);
    if (principal === undefined) throw unauthorized(`The stream ticket is unknown, used or expired (single use, 30 s): get a new one from POST ${route.issuedBy}.`);
    return principal;
  }
}
