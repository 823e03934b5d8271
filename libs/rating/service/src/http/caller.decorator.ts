// `@Caller() context: CommandContext`: the authenticated principal plus the request's correlation
// id (X-Correlation-Id when the client sent a sane one), which every event of the request carries.
import type { Principal } from '@billing/gateway';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../application/command-context.js';

const CORRELATION_ID = /^[\x21-\x7e]{1,200}$/;

interface AuthenticatedRequest {
  user?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (request.user === undefined) throw new Error('@Caller() needs an authenticated route');
  const header = request.headers['x-correlation-id'];
  return { principal: request.user, correlationId: typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID() };
});
