// @billing/gateway — the public HTTP API's skeleton: config, auth + RBAC, validation, problem
// errors, idempotency, health, OpenAPI. Service modules add controllers (see README.md).
export * from './config/gateway-config.js';
export * from './gateway.tokens.js';
export { GatewayModule, resolveGatewayOptions } from './gateway.module.js';
export { createGatewayApp, API_PREFIX, type GatewayAppOptions } from './gateway-app.js';

export * from './problem/problem.js';
export { toProblem, type MappedProblem } from './problem/to-problem.js';
export { ProblemFilter } from './problem/problem.filter.js';

export { ValidBody, ValidOptionalBody, ValidQuery, ValidParam } from './validation/decorators.js';
export { ZodValidationPipe, validationProblem } from './validation/zod-validation.pipe.js';
export { assertStrictSchema } from './validation/strict-schema.js';
export { fieldErrorsFromIssues, invalidDetail } from './validation/issues.js';
export { MoneyString, MoneyMicros, PositiveMoneyMicros } from './validation/money-string.js';

export { ROLES, LOGIN_ROLES, SWITCH_PRINCIPAL, SERVICE_PRINCIPAL, principalKey, type Role, type LoginRole, type Principal } from './auth/principal.js';
export { Public, Roles, CurrentUser, AcceptStreamTicket, IS_PUBLIC, ROLES_METADATA, STREAM_TICKET, type StreamTicketRoute } from './auth/decorators.js';
export { StreamTickets, STREAM_TICKET_TTL_SECONDS, MAX_TICKETS_PER_LOGIN, type IssuedTicket } from './auth/stream-tickets.js';
export { Sessions, SESSION_IDLE_SECONDS, SESSION_ABSOLUTE_SECONDS, MAX_SESSIONS_PER_LOGIN, type NewSession, type SessionCheck } from './auth/sessions.js';
export { SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE_PATH, presentedSession, isForeignOrigin, type PresentedSession } from './auth/session-cookies.js';
export { parseCookies, serializeCookie, type CookieOptions } from './auth/cookies.js';
export { AuthGuard, DEFAULT_ROLES } from './auth/auth.guard.js';
export { AuthService, unauthorized, noSession, csrfTokenMismatch, SWITCH_BASIC_USERNAME, type AuthenticateOptions, type LoginResult } from './auth/auth.service.js';
export {
  CredentialsService,
  UsernamesTaken,
  MAX_LOGINS_PER_CALL,
  generatePassword,
  normalizeUsername,
  type CreateLoginsOptions,
  type Login,
  type NewLogin,
} from './auth/credentials.service.js';
export { GatewaySecrets, type GeneratedCredentials } from './auth/gateway-secrets.js';
export {
  hashPassword,
  hashGeneratedPassword,
  isGeneratedPasswordHash,
  verifyPassword,
  needsRehash,
  DEFAULT_SCRYPT_PARAMS,
  MIN_GENERATED_PASSWORD_LENGTH,
  type ScryptParams,
} from './auth/password-hasher.js';
export { LoginThrottle, DEFAULT_LOGIN_THROTTLE, type LoginThrottleOptions, type ThrottleDecision, type ThrottledAttempt } from './auth/login-throttle.js';
export { type BackoffRule } from './auth/backoff-counters.js';
export { clientAddress, throttleSource } from './auth/client-address.js';
export { assertVisible, canSee, type ResourceOwners } from './auth/visibility.js';

export { Idempotent, IdempotencyKey, IDEMPOTENCY_HEADER, IDEMPOTENT_METADATA, uuidFromName, type IdempotentOptions, type IdempotencyContext } from './idempotency/idempotent.decorator.js';
export { IdempotencyInterceptor, REPLAYED_HEADER } from './idempotency/idempotency.interceptor.js';
export { IdempotencyStore } from './idempotency/idempotency.store.js';

export { HealthService, type HealthCheck, type HealthReport, type ComponentHealth, type TransportHealth } from './health/health.service.js';
export { ApiCsvResponse, ApiProblemResponse, ApiRequestBody, buildOpenApiDocument, setupOpenApi, zodSchema, openApiSchema, problemsOf, ProblemSchema, OPENAPI_UI_PATH, SWITCH_BASIC_SCHEME } from './openapi/openapi.js';
export { previewOpenApiDocument, withPreviewApp } from './openapi/openapi-preview.js';
export { routeHandlers, routeMethod, type RouteHandler, type ProblemResponseDoc } from './openapi/problem-responses.js';
export { migrateGatewaySchema, DEFAULT_GATEWAY_SCHEMA } from './database/gateway-schema.js';
export { installGracefulShutdown, closeHttpServer, type ShutdownStep, type ShutdownOptions, type ShutdownHandle } from './lifecycle/shutdown.js';
export { QuietStartupLogger } from './lifecycle/quiet-logger.js';
export { startGatewayTestApp, TEST_ADMIN_PASSWORD, TEST_SWITCH_API_KEY, TEST_INTERNAL_SERVICE_KEY, type GatewayTestApp, type GatewayTestAppOptions, type TestRequestOptions, type TestResponse } from './testing/gateway-test-app.js';

export { INTERNAL_SERVICE_KEY_ENV, missingEnv, runServiceProcess, type ServiceProcessContext, type ServiceProcessOptions } from './process/service-process.js';
export { callServiceJson, isServiceUnreachable, ServiceUnreachableError, type ServiceCall } from './process/service-call.js';
export { RemoteAccountsHistory, RemoteAccountsModule, type RemoteAccountsOptions } from './process/remote-accounts-history.js';
export { portalStatic, acceptsHtml, fileInside, IMMUTABLE_CACHE, REVALIDATE_CACHE } from './portal/portal-static.js';
export { defaultPortalDir, portalDirFor } from './portal/portal-dir.js';
export { securityHeaders, CONTENT_SECURITY_POLICY, HSTS_VALUE } from './portal/security-headers.js';
export { isHttps } from './portal/request-scheme.js';
export { serviceProxy, type ServiceProxyOptions } from './proxy/service-proxy.js';
export { serviceFor, SERVICE_NAMES, SERVICE_ROUTES, SERVICE_URL_ENV, type ServiceName, type ServiceRoute } from './proxy/service-routes.js';
