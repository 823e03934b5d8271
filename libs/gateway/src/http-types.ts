// The parts of Express's request/response the gateway uses. @types/express is not installed in
// the workspace; these structural types keep the code typed without it (Express 5 objects fit).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './auth/principal.js';
import type { IdempotencyContext } from './idempotency/idempotent.decorator.js';

export interface HttpRequest extends IncomingMessage {
  method: string;
  originalUrl: string;
  path: string;
  body?: unknown;
  /** the unparsed body (kept for signature checks, e.g. Stripe webhooks). */
  rawBody?: Buffer;
  query: Record<string, unknown>;
  params: Record<string, string>;
  header(name: string): string | undefined;
  /** set by AuthGuard. */
  user?: Principal;
  /** set by the idempotency interceptor when the request carries an Idempotency-Key. */
  idempotency?: IdempotencyContext;
}

export interface HttpResponse extends ServerResponse {
  status(code: number): this;
  type(contentType: string): this;
  send(body?: unknown): this;
  json(body: unknown): this;
}
