// Distributed mode (docs/ARCHITECTURE.md, Shape): the entry point of one service process — its own modules behind
// the same HTTP edge (auth, validation, idempotency, problem+json, /health), Kafka between the
// processes, one PostgreSQL (each service its own schema; logins and secrets in `gateway`).
// apps/<service>/src/main.ts call this with their modules; nothing else differs between them.
import { createIntegrationBus, HandledEvents, type IntegrationBus } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import type { Server } from 'node:http';
import type pg from 'pg';
import { ConfigError, describeConfig, loadGatewayConfig, type GatewayConfig } from '../config/gateway-config.js';
import { createGatewayApp, type GatewayAppOptions } from '../gateway-app.js';
import { previewOpenApiDocument } from '../openapi/openapi-preview.js';
import { GatewaySecrets } from '../auth/gateway-secrets.js';
import type { ComponentHealth } from '../health/health.service.js';
import { closeHttpServer, installGracefulShutdown } from '../lifecycle/shutdown.js';
import { QuietStartupLogger } from '../lifecycle/quiet-logger.js';

export interface ServiceProcessContext {
  config: GatewayConfig;
  pool: pg.Pool;
  bus: IntegrationBus;
  /** what the read-model consumers of this process have handled (the gateway's proxy waits on it; set by runServiceProcess). */
  handledEvents?: HandledEvents;
}

export interface ServiceProcessOptions {
  /** `accounts`, `wallet`, ... (logs, client ids, the pool's application_name). */
  name: string;
  modules: (context: ServiceProcessContext) => NonNullable<GatewayAppOptions['imports']>;
  beforeRoutes?: (context: ServiceProcessContext) => NonNullable<GatewayAppOptions['beforeRoutes']>;
  /** /api/docs describes these modules' routes (built in preview, never started) instead of this process's own. */
  openApiModules?: (context: ServiceProcessContext) => NonNullable<GatewayAppOptions['imports']>;
  /** serve the built web portal at `/` from this folder (the gateway process only). */
  portalDir?: (config: GatewayConfig) => string;
  /** further variables this process cannot run without (checked before anything starts). */
  requiredEnv?: readonly string[];
}

/** Variables every distributed process needs: a shared database and broker, and the secrets
 *  every process must agree on (a generated one would be known to one process only). */
const DISTRIBUTED_ENV = ['DATABASE_URL', 'KAFKA_BROKERS', 'SWITCH_API_KEY'] as const;

/**
 * What the services present to each other's internal routes: required (in `requiredEnv`) only by
 * the processes that call or serve them — accounts, wallet and rating; the gateway and
 * notifications never do (unset, their internal routes stay closed).
 */
export const INTERNAL_SERVICE_KEY_ENV = 'INTERNAL_SERVICE_KEY';

/** The variables `options`' process needs that `env` lacks (empty: it can start). */
export function missingEnv(options: Pick<ServiceProcessOptions, 'requiredEnv'>, env: Readonly<Record<string, string | undefined>>): string[] {
  return [...DISTRIBUTED_ENV, ...(options.requiredEnv ?? [])].filter((name) => (env[name] ?? '') === '');
}

export async function runServiceProcess(options: ServiceProcessOptions): Promise<void> {
  try {
    await start(options);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `${options.name} failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
}

async function start(options: ServiceProcessOptions): Promise<void> {
  const missing = missingEnv(options, process.env);
  if (missing.length > 0) throw new ConfigError([`the ${options.name} process (distributed mode) needs ${missing.join(', ')} (standalone: npm start)`]);
  const config = loadGatewayConfig();
  const pool = createPool(config.databaseUrl!, { applicationName: `billing-${options.name}`, max: 20 });
  const bus = createIntegrationBus({ brokers: config.kafkaBrokers, clientId: `billing-${options.name}` });
  const context: ServiceProcessContext = { config, pool, bus, handledEvents: new HandledEvents() };

  let app: Awaited<ReturnType<typeof createGatewayApp>> | undefined;
  try {
    app = await createGatewayApp({
      // /health probes the broker: a process cut off from Kafka is not ready
      gateway: { config, pool, transport: { mode: 'kafka', check: () => kafkaHealth(bus) }, handledEvents: context.handledEvents },
      imports: options.modules(context),
      ...(options.beforeRoutes === undefined ? {} : { beforeRoutes: options.beforeRoutes(context) }),
      ...(options.openApiModules === undefined ? {} : { openApiDocument: () => previewOpenApiDocument(options.openApiModules!(context)) }),
      ...(options.portalDir === undefined ? {} : { portalDir: options.portalDir(config) }),
      logger: new QuietStartupLogger(),
    });
    await app.listen(config.port);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await bus.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw error;
  }
  const running = app;
  installGracefulShutdown([
    { name: 'HTTP server', run: () => closeHttpServer(running.getHttpServer() as Server) },
    { name: 'application', run: () => running.close() },
    { name: 'integration bus', run: () => bus.close() },
    { name: 'database pool', run: () => pool.end() },
  ]);
  const generated = running.get(GatewaySecrets).generated;
  console.log(`${options.name} listening on :${config.port}`, JSON.stringify(describeConfig(config)));
  if (generated.adminPassword !== undefined) console.log(`generated admin login (shown once): ${generated.adminUsername} / ${generated.adminPassword}`);
}

async function kafkaHealth(bus: IntegrationBus): Promise<ComponentHealth> {
  const health = await bus.health();
  return { status: health.ok ? 'up' : 'down', ...(health.detail === undefined ? {} : { detail: health.detail }) };
}
