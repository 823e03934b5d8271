// The portal's only way to the product: openapi-fetch typed by the generated schema (run
// `npm run portal:client` after a route changes). The access token lives in memory only: the
// caller hands a getter; on a 401 the client asks once for a new token (the session cookie's
// POST /auth/session) and repeats the request, otherwise the caller shows the login page.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/** An RFC 9457 problem+json answer (every error the API gives). */
export type Problem = components['schemas']['Problem'];
export type ProblemFieldError = NonNullable<Problem['errors']>[number];

export function isProblem(value: unknown): value is Problem {
  if (value === null || typeof value !== 'object') return false;
  const { type, title, status, code } = value as Record<string, unknown>;
  return typeof type === 'string' && typeof title === 'string' && typeof status === 'number' && typeof code === 'string';
}

/**
 * The client reads JSON (openapi-fetch parses every answer as JSON); a route that also answers CSV
 * (?format=csv) documents text/csv, which would otherwise join `data`'s type. CSV downloads go
 * through a plain fetch (downloadCsv), never this client.
 */
type ReadMediaType = 'application/json';

export type ApiClient = Client<paths, ReadMediaType>;

export interface ApiClientOptions {
  /** origin of the API ('' = the page's own origin); the schema's paths carry /api/v1. */
  baseUrl: string;
  /** the access token held in memory, or null before login. */
  getAccessToken: () => string | null;
  /** a 401 came back: restore the session and return the new access token, or null (show the login page). */
  onUnauthorized: () => Promise<string | null>;
  /** defaults to globalThis.fetch (tests pass their own). */
  fetch?: (request: Request) => Promise<Response>;
}

// A 401 from these means bad credentials or no session: asking the session again would loop.
const AUTH_PATHS = /^\/api\/v1\/auth\//;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths, ReadMediaType>({ baseUrl: options.baseUrl, ...(options.fetch === undefined ? {} : { fetch: options.fetch }) });
  client.use(bearerAuth(options));
  return client;
}

/** Adds `Authorization: Bearer` and repeats a request once after a 401 with the token onUnauthorized returns. */
export function bearerAuth({ getAccessToken, onUnauthorized }: Pick<ApiClientOptions, 'getAccessToken' | 'onUnauthorized'>): Middleware {
  // a copy of each request taken before it is sent (its body is read by then), by openapi-fetch's request id
  const unsent = new Map<string, Request>();
  // concurrent 401s share one session restore instead of racing several
  let restoring: Promise<string | null> | null = null;
  const restore = (): Promise<string | null> => {
    restoring ??= onUnauthorized().finally(() => {
      restoring = null;
    });
    return restoring;
  };
  const withToken = (request: Request, token: string | null): Request => {
    if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  };
  return {
    onRequest({ request, id, schemaPath }) {
      withToken(request, getAccessToken());
      if (!AUTH_PATHS.test(schemaPath)) unsent.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id, options }) {
      const copy = unsent.get(id);
      unsent.delete(id);
      if (response.status !== 401 || copy === undefined) return undefined;
      const token = await restore();
      if (token === null) return undefined;
      return options.fetch(withToken(copy, token));
    },
    onError({ id }) {
      unsent.delete(id);
    },
  };
}
