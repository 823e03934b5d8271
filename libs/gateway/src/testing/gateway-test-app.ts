// For integration tests of controllers (gateway and services): a real app on a random port, on
// the run's PostgreSQL, its gateway tables in a schema of its own, known admin password and
// switch key, cheap password hashing. `close()` stops it and drops the schema.
import { createPool } from '@billing/postgres';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { loadGatewayConfig, type GatewayConfig } from '../config/gateway-config.js';
import { createGatewayApp, type GatewayAppOptions } from '../gateway-app.js';
import type { GatewayModuleOptions } from '../gateway.tokens.js';
import { GatewaySecrets } from '../auth/gateway-secrets.js';
import { buildOpenApiDocument } from '../openapi/openapi.js';
import { PROBLEM_ANSWER_RECORDER, type ProblemAnswer } from '../problem/problem.filter.js';
import type { OpenAPIObject } from '@nestjs/swagger';

export interface GatewayTestApp {
  app: INestApplication;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  pool: pg.Pool;
  schema: string;
  config: GatewayConfig;
  /** ADMIN_PASSWORD, or the generated one on the start that generated it. */
  adminPassword: string | undefined;
  /** SWITCH_API_KEY, or the generated one on the start that generated it. */
  switchApiKey: string | undefined;
  /** fetch relative to baseUrl, JSON in and out; `token` sets Authorization: Bearer. */
  request(method: string, path: string, options?: TestRequestOptions): Promise<TestResponse>;
  /** POST /api/v1/auth/login → accessToken (throws unless 200). */
  login(username: string, password: string): Promise<string>;
  /**
   * The problems matched routes answered so far that this app's OpenAPI document does not list
   * (`POST /api/v1/customers 404 profile_not_found`): a spec that ends with `toEqual([])` makes
   * every refusal it provokes a checked part of the contract.
   */
  undocumentedProblems(): string[];
  close(): Promise<void>;
}

export interface TestRequestOptions {
  token?: string;
  body?: unknown;
  /** sent as is (for malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  contentType: string;
  /** parsed JSON, or the text when not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export interface GatewayTestAppOptions {
  databaseUrl: string;
  /** unique per test file (uniqueName('gw')). */
  schema: string;
  imports?: GatewayAppOptions['imports'];
  /** extra environment on top of the test defaults. */
  env?: Record<string, string>;
  gateway?: Partial<Omit<GatewayModuleOptions, 'config' | 'pool' | 'schema'>>;
  /** the document /api/docs serves (default: the app's own), as GatewayAppOptions.openApiDocument. */
  openApiDocument?: GatewayAppOptions['openApiDocument'];
  /** serve a built portal from this folder (GatewayAppOptions.portalDir). */
  portalDir?: string;
  /** middleware before the routes (GatewayAppOptions.beforeRoutes: the distributed gateway's proxy). */
  beforeRoutes?: GatewayAppOptions['beforeRoutes'];
  /** drop the schema on close (default true; false to start another app on the same data). */
  dropSchemaOnClose?: boolean;
}

export const TEST_ADMIN_PASSWORD = 'admin-password-for-tests';
export const TEST_SWITCH_API_KEY = 'switch-key-for-tests-0123456789';
/** INTERNAL_SERVICE_KEY of test apps: what the services' internal routes take (never the switch key). */
export const TEST_INTERNAL_SERVICE_KEY = 'internal-service-key-for-tests-0123456789';

export async function startGatewayTestApp(options: GatewayTestAppOptions): Promise<GatewayTestApp> {
  const config = loadGatewayConfig({
    PORT: '0',
    DATABASE_URL: options.databaseUrl,
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    SWITCH_API_KEY: TEST_SWITCH_API_KEY,
    INTERNAL_SERVICE_KEY: TEST_INTERNAL_SERVICE_KEY,
    ...options.env,
  });
  const pool = createPool(options.databaseUrl, { max: 20, applicationName: `test-${options.schema}` });
  let app: INestApplication | undefined;
  try {
    app = await createGatewayApp({
      gateway: {
        config,
        pool,
        schema: options.schema,
        scryptParams: { logN: 12, blockSize: 8, parallelization: 1 },
        idempotency: { cleanupIntervalMs: 0 },
        ...options.gateway,
      },
      imports: options.imports ?? [],
      ...(options.openApiDocument === undefined ? {} : { openApiDocument: options.openApiDocument }),
      ...(options.portalDir === undefined ? {} : { portalDir: options.portalDir }),
      ...(options.beforeRoutes === undefined ? {} : { beforeRoutes: options.beforeRoutes }),
      logger: ['error', 'warn'],
    });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close().catch(() => undefined);
    await dropSchema(pool, options.schema);
    await pool.end();
    throw error;
  }
  const started = app;
  const answers = new Map<string, ProblemAnswer>();
  (started.getHttpAdapter().getInstance() as { locals: Record<string, unknown> }).locals[PROBLEM_ANSWER_RECORDER] = (answer: ProblemAnswer) => {
    answers.set(`${answer.method} ${answer.route} ${answer.status} ${answer.code}`, answer);
  };
  const address = started.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const generated = started.get(GatewaySecrets).generated;

  const request = async (method: string, path: string, req: TestRequestOptions = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.token !== undefined) headers.authorization = `Bearer ${req.token}`;
    let body: string | undefined;
    if (req.rawBody !== undefined) body = req.rawBody;
    else if (req.body !== undefined) body = JSON.stringify(req.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (/json/.test(contentType) && text !== '') parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, contentType, body: parsed, text };
  };

  return {
    app: started,
    baseUrl,
    pool,
    schema: options.schema,
    config,
    adminPassword: config.adminPassword ?? generated.adminPassword,
    switchApiKey: config.switchApiKey ?? generated.switchApiKey,
    request,
    async login(username, password) {
      const res = await request('POST', '/api/v1/auth/login', { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
      return (res.body as { accessToken: string }).accessToken;
    },
    undocumentedProblems() {
      return undocumentedAnswers(buildOpenApiDocument(started), [...answers.values()]);
    },
    async close() {
      // a survey of any spec's refusals: REPORT_UNDOCUMENTED_PROBLEMS=1 npm test -- <specs>
      if (process.env['REPORT_UNDOCUMENTED_PROBLEMS'] === '1') {
        const missing = undocumentedAnswers(buildOpenApiDocument(started), [...answers.values()]);
        if (missing.length > 0) process.stderr.write(`undocumented problems:\n${missing.join('\n')}\n`);
      }
      await started.close();
      if (options.dropSchemaOnClose ?? true) await dropSchema(pool, options.schema);
      await pool.end();
    },
  };
}

async function dropSchema(pool: pg.Pool, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema ${schema}`);
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** Each answer whose operation does not list its code under its status. */
export function undocumentedAnswers(document: OpenAPIObject, answers: readonly ProblemAnswer[]): string[] {
  const missing: string[] = [];
  for (const answer of answers) {
    const path = answer.route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = (document.paths[path] as Record<string, DocumentedOperation | undefined> | undefined)?.[answer.method.toLowerCase()];
    const schema = operation?.responses?.[String(answer.status)]?.content?.['application/problem+json']?.schema;
    const codes = schema?.allOf?.flatMap((part) => part.properties?.code?.enum ?? []) ?? [];
    if (!codes.includes(answer.code)) missing.push(`${answer.method} ${path} ${answer.status} ${answer.code}`);
  }
  return missing.sort();
}

interface DocumentedOperation {
  responses?: Record<string, { content?: Record<string, { schema?: { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } }> }>;
}
