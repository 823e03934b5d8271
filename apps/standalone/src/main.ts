// `npm start`: the whole system in one process (docs/ARCHITECTURE.md, Shape standalone). Reads the configuration,
// opens the database (embedded unless DATABASE_URL), builds the app (gateway + service modules),
// listens on PORT, prints where it is and — on the first start only — the generated credentials.
// SIGTERM/SIGINT: HTTP drained, Nest closed, pool ended, embedded PostgreSQL stopped, in order.
import {
  closeHttpServer,
  ConfigError,
  createGatewayApp,
  GatewaySecrets,
  installGracefulShutdown,
  QuietStartupLogger,
  loadGatewayConfig,
  portalDirFor,
  type GatewayConfig,
  type GeneratedCredentials,
} from '@billing/gateway';
import { createIntegrationBus } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import type { Server } from 'node:http';
import { openDatabase } from './embedded-database.js';
import { serviceModules } from './service-modules.js';


async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadGatewayConfig();
  const database = await openDatabase(config.databaseUrl, config.dataDir);
  const databaseReadyMs = performance.now() - startedAt;
  const pool = createPool(database.url, { applicationName: 'billing-standalone', max: 20 });
  // KAFKA_BROKERS unset = the in-process transport (docs/ARCHITECTURE.md, Shape); the modules share this one bus.
  const bus = createIntegrationBus({ brokers: config.kafkaBrokers, clientId: 'billing-standalone' });

  let app: Awaited<ReturnType<typeof createGatewayApp>> | undefined;
  try {
    app = await createGatewayApp({
      gateway: { config, pool },
      imports: serviceModules({ config, pool, bus, sipRealm: config.sipRealm }),
      // the web portal at `/` (PORTAL_DIR, else dist/portal next to dist/apps)
      portalDir: portalDirFor(config, import.meta.url),
      logger: new QuietStartupLogger(),
    });
    await app.listen(config.port);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await bus.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw error;
  }
  const running = app;
  const server = running.getHttpServer() as Server;

  installGracefulShutdown([
    { name: 'HTTP server', run: () => closeHttpServer(server) },
    { name: 'application', run: () => running.close() },
    { name: 'integration bus', run: () => bus.close() },
    { name: 'database pool', run: () => pool.end() },
    { name: 'database', run: () => database.stop() },
  ]);

  printBanner(config, database.description, running.get(GatewaySecrets).generated, {
    databaseMs: databaseReadyMs,
    // performance.now() counts from the process start, module loading included.
    totalMs: performance.now(),
  });
}

function printBanner(config: GatewayConfig, database: string, generated: GeneratedCredentials, timings: { databaseMs: number; totalMs: number }): void {
  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    `ITC billing is running (standalone) — ready ${seconds(timings.totalMs)} s after process start (database took ${seconds(timings.databaseMs)} s)`,
    `  portal     ${base}/`,
    `  API        ${base}/api/v1`,
    `  API docs   ${base}/api/docs`,
    `  health     ${base}/health`,
    `  database   ${database}`,
    `  transport  ${config.transportMode === 'kafka' ? `Kafka ${config.kafkaBrokers?.join(',')}` : 'in-process'}`,
  ];
  if (generated.adminPassword !== undefined || generated.switchApiKey !== undefined) {
    lines.push(
      '',
      '  ── Generated on this first start — shown ONCE, stored only as hashes ──',
      ...(generated.adminPassword === undefined ? [] : [`  admin login      ${generated.adminUsername} / ${generated.adminPassword}`]),
      ...(generated.switchApiKey === undefined ? [] : [`  switch API key   ${generated.switchApiKey}`]),
      '  Lost them? Set ADMIN_PASSWORD / SWITCH_API_KEY and restart.',
    );
  }
  console.log(`${lines.join('\n')}\n`);
}

/** 1234.5 ms → "1.2" (durations only; no money here). */
function seconds(ms: number): string {
  const tenths = Math.round(ms / 100);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('start failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  }
  process.exit(1);
});
