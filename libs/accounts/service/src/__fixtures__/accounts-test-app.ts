// The accounts module inside a real gateway app on the run's PostgreSQL: own schemas for the
// gateway and for accounts (dropped on close), the bus the test chooses (in-process by default).
import { createPool } from '@billing/postgres';
import { startGatewayTestApp, type GatewayTestApp, type TestRequestOptions, type TestResponse } from '@billing/gateway';
import { InProcessBus, silentLogger, type IntegrationBus } from '@billing/messaging';
import { startPerFile, testDatabaseUrl, uniqueName } from '@billing/testing';
import { Global, Module, type Type } from '@nestjs/common';
import type pg from 'pg';
import { AccountsModule } from '../accounts.module.js';
import type { AgentFunds, RateSheetCatalog } from '../accounts.options.js';
import { AccountsDatabase } from '../infrastructure/accounts-database.js';

export const TEST_SIP_REALM = 'sip.test.example';

export interface AccountsTestApp {
  gw: GatewayTestApp;
  /** the accounts module's own pool (search_path untouched; tables are schema-qualified). */
  pool: pg.Pool;
  /** the accounts schema (events + read models). */
  schema: string;
  db: AccountsDatabase;
  bus: IntegrationBus;
  adminToken: string;
  request(method: string, path: string, options?: TestRequestOptions): Promise<TestResponse>;
  /** rows in `<schema>.<table>`. */
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export interface AccountsTestAppOptions {
  bus?: IntegrationBus;
  /** the relay's service name (topic `<service>.events.v1`). */
  service?: string;
  /** the wallet's funds query, as a provider class (default: none, openings are not checked). */
  agentFunds?: Type<AgentFunds>;
  /** rating's sheet query, as a provider class (default: none, sheet ids are not checked). */
  rateSheets?: Type<RateSheetCatalog>;
}

/** Makes the test's port classes injectable app-wide, as the wallet and rating modules do in a process. */
function portsModule(ports: Type[]) {
  @Global()
  @Module({ providers: ports, exports: ports })
  class TestPortsModule {}
  return TestPortsModule;
}

export async function startAccountsTestApp(options: AccountsTestAppOptions = {}): Promise<AccountsTestApp> {
  const schema = uniqueName('acct');
  const pool = createPool(testDatabaseUrl(), { max: 20, applicationName: `test-${schema}` });
  const bus = options.bus ?? new InProcessBus({ logger: silentLogger });
  let gw: GatewayTestApp;
  try {
    gw = await startGatewayTestApp({
      databaseUrl: testDatabaseUrl(),
      schema: uniqueName('acct_gw'),
      imports: [
        portsModule([options.agentFunds, options.rateSheets].filter((port): port is Type => port !== undefined)),
        AccountsModule.forRoot({
          pool,
          bus,
          sipRealm: TEST_SIP_REALM,
          schema,
          ...(options.service === undefined ? {} : { service: options.service }),
          ...(options.agentFunds === undefined ? {} : { agentFunds: options.agentFunds }),
          ...(options.rateSheets === undefined ? {} : { rateSheets: options.rateSheets }),
        }),
      ],
    });
  } catch (error) {
    await dropSchema(pool, schema);
    await pool.end();
    throw error;
  }
  const adminToken = await gw.login('admin', gw.adminPassword!);
  return {
    gw,
    pool,
    schema,
    db: gw.app.get(AccountsDatabase),
    bus,
    adminToken,
    request: (method, path, req) => gw.request(method, path, req),
    async count(table) {
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${schema}".${table}`);
      return Number(rows[0]?.n ?? 0);
    },
    async close() {
      try {
        await gw.close();
        await bus.close();
      } finally {
        await dropSchema(pool, schema);
        await pool.end();
      }
    },
  };
}

/** The app all the tests of a spec file share: started before them, closed after them. */
export function accountsTestAppPerFile(options: AccountsTestAppOptions = {}): AccountsTestApp {
  return startPerFile(() => startAccountsTestApp(options), (app) => app.close());
}

async function dropSchema(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
