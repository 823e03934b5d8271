// Global guard: every route needs a valid bearer credential unless @Public(); @Roles narrows
// who may call it (401 = who are you?, 403 = not allowed for your role). Routes whose @Roles
// names `switch` also take the switch key as HTTP Basic (mod_xml_curl). Resource ownership
// (another agent's customer → 404) is each controller's check, with assertVisible().
// @AcceptQueryToken() routes (SSE) also take the bearer token as `?access_token=`.
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { HttpRequest } from '../http-types.js';
import { ProblemException } from '../problem/problem.js';
import { AuthService } from './auth.service.js';
import { IS_PUBLIC, QUERY_TOKEN, ROLES_METADATA } from './decorators.js';
import type { Role } from './principal.js';

/** Who may call a route that has no @Roles: the human roles, never the switch. */
export const DEFAULT_ROLES: readonly Role[] = Object.freeze(['admin', 'agent', 'customer']);

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true) return true;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets) ?? DEFAULT_ROLES;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const acceptQueryToken = this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, targets) === true;
    const principal = await this.auth.authenticate(this.credentialOf(request, acceptQueryToken), { switchBasic: roles.includes('switch') });
    request.user = principal;

    if (!roles.includes(principal.role)) {
      throw new ProblemException(403, 'forbidden', `This operation is not available to the ${principal.role} role (allowed: ${roles.join(', ')}).`, {
        title: 'Forbidden',
      });
    }
    return true;
  }

  /** The Authorization header; on @AcceptQueryToken() routes without one, `?access_token=` as a bearer token. */
  private credentialOf(request: HttpRequest, acceptQueryToken: boolean): string | undefined {
    const header = request.headers.authorization;
    if (!acceptQueryToken || (header !== undefined && header !== '')) return header;
    const token = request.query?.access_token;
    return typeof token === 'string' && token !== '' ? `Bearer ${token}` : header;
  }
}
