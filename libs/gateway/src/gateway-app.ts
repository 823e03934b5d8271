// Builds the HTTP application: the gateway module plus the service modules given by the entry
// point (standalone: all of them in-process), /api/v1 prefix, body parsers, OpenAPI.
import { HttpException, Logger, Module, type DynamicModule, type ForwardReference, type LoggerService, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { GatewayModule } from './gateway.module.js';
import type { GatewayModuleOptions } from './gateway.tokens.js';
import type { HttpRequest, HttpResponse } from './http-types.js';
import { setupOpenApi } from './openapi/openapi.js';
import { portalStatic } from './portal/portal-static.js';
import { securityHeaders } from './portal/security-headers.js';
import { TrustedProxies } from './auth/client-address.js';
import { PROBLEM_CONTENT_TYPE, unknownRoute } from './problem/problem.js';
import { requestPath } from './problem/problem.filter.js';
import { toProblem } from './problem/to-problem.js';
import { refuseUnsafeText } from './validation/unsafe-text.js';

export const API_PREFIX = 'api/v1';

export interface GatewayAppOptions {
  gateway: GatewayModuleOptions;
  /** service modules whose controllers join the API (accounts, wallet, rating, ...). */
  imports?: Array<Type | DynamicModule | Promise<DynamicModule> | ForwardReference>;
  logger?: LoggerService | LogLevel[] | false;
  /** max size of a JSON or text body (default 1 MiB). */
  bodyLimit?: string;
  /** serve /api/docs (default true). */
  openApi?: boolean;
  /** the document /api/docs serves, when it is not this app's own (the distributed gateway: every
   *  service's routes, previewOpenApiDocument); default: the document of this app's controllers. */
  openApiDocument?: () => Promise<OpenAPIObject>;
  /** Express middleware that runs before body parsing and Nest's routes (the distributed
   *  gateway's service proxy: bodies must reach the service unread). */
  beforeRoutes?: Array<(request: HttpRequest, response: HttpResponse, next: (error?: unknown) => void) => void>;
  /** serve the built web portal from this folder at `/` with SPA fallback (the standalone app and
   *  the distributed gateway; the service processes serve no portal). */
  portalDir?: string;
}

@Module({})
class GatewayAppModule {}

/** Builds and initialises the app (call `listen` next; global enhancers can no longer be added). */
export async function createGatewayApp(options: GatewayAppOptions): Promise<NestExpressApplication> {
  const root: DynamicModule = {
    module: GatewayAppModule,
    imports: [GatewayModule.forRoot(options.gateway), ...(options.imports ?? [])],
  };
  // rawBody: req.rawBody is kept for signature checks (Stripe webhooks).
  const app = await NestFactory.create<NestExpressApplication>(root, {
    rawBody: true,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  // first: every answer carries them, proxied, static, problem or Swagger UI
  app.use(securityHeaders(new TrustedProxies(options.gateway.config.trustedProxies)));
  for (const middleware of options.beforeRoutes ?? []) app.use(middleware);
  if (options.portalDir !== undefined) app.use(portalStatic(options.portalDir));
  const limit = options.bodyLimit ?? '1mb';
  app.useBodyParser('json', { limit, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('text', { limit, type: ['text/csv', 'text/plain'] });
  // NUL and lone surrogates are refused here, for every body, query and path at once (a 400, not
  // a 500 from the store that meets them first).
  app.use(refuseUnsafeText);
  app.disable('x-powered-by');
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  if (options.openApi ?? true) setupOpenApi(app, options.openApiDocument === undefined ? undefined : await options.openApiDocument());
  await app.init();
  // Nest answers unknown routes and parser errors only under the global prefix; everything else
  // (`/nowhere`, a malformed body sent to /health) would get Express's HTML pages.
  app.use((request: HttpRequest, response: HttpResponse) => {
    writeProblem(request, response, unknownRoute(request.method, requestPath(request)));
  });
  app.use((error: unknown, request: HttpRequest, response: HttpResponse, _next: unknown) => {
    writeProblem(request, response, error);
  });
  return app;
}

const fallbackLogger = new Logger('ProblemFilter');

function writeProblem(request: HttpRequest, response: HttpResponse, error: unknown): void {
  const { problem, headers, unexpected } = toProblem(mapExpressError(error));
  problem.instance = requestPath(request);
  if (unexpected) fallbackLogger.error(`${request.method} ${problem.instance} failed [${String(problem.errorId)}]: ${error instanceof Error ? error.stack : String(error)}`);
  if (response.headersSent) {
    response.end();
    return;
  }
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** body-parser / Express errors carry a 4xx `status`; as Nest's adapter does, they become HttpExceptions. */
function mapExpressError(error: unknown): unknown {
  if (error instanceof Error && !(error instanceof HttpException)) {
    const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const expose = (error as { expose?: unknown }).expose !== false;
      return new HttpException(expose ? error.message : (STATUS_CODES[status] ?? 'Bad Request'), status, { cause: error });
    }
  }
  return error;
}
