// Distributed mode: the gateway alone (DESIGN §2). Same configuration as standalone, but the
// database must be given (DATABASE_URL) — no embedded server here. Service clients (HTTP to the
// accounts / wallet / rating processes) join as modules once those services exist.
import { closeHttpServer, ConfigError, createGatewayApp, describeConfig, GatewaySecrets, installGracefulShutdown, loadGatewayConfig } from '@billing/gateway';
import { createPool } from '@billing/postgres';
import type { Server } from 'node:http';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  if (config.databaseUrl === undefined) throw new ConfigError(['DATABASE_URL must be set for the distributed gateway (standalone: npm start)']);
  const pool = createPool(config.databaseUrl, { applicationName: 'billing-gateway', max: 20 });
  const app = await createGatewayApp({ gateway: { config, pool }, imports: [], logger: ['error', 'warn', 'log'] }).catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  await app.listen(config.port);
  installGracefulShutdown([
    { name: 'HTTP server', run: () => closeHttpServer(app.getHttpServer() as Server) },
    { name: 'application', run: () => app.close() },
    { name: 'database pool', run: () => pool.end() },
  ]);
  const generated = app.get(GatewaySecrets).generated;
  console.log(`gateway listening on :${config.port}`, describeConfig(config));
  if (generated.adminPassword !== undefined) console.log(`generated admin login (shown once): ${generated.adminUsername} / ${generated.adminPassword}`);
  if (generated.switchApiKey !== undefined) console.log(`generated switch API key (shown once): ${generated.switchApiKey}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
