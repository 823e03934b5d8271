// The money path (accounts, wallet and rating as moneyPathModules wires them) in one gateway test app
// that all the tests of a spec file share: schemas of its own under the file's prefix, an in-process
// bus, the wallet's hold sweep off (a spec releases holds itself), the admin logged in; dropped after.
// `overHttp` adds the distributed adapters (over-http.ts) and points them at this app once it listens.
import { startGatewayTestApp, type GatewayTestApp, type TestResponse } from '@billing/gateway';
import { InProcessBus, silentLogger } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { startPerFile, testDatabaseUrl, uniqueName } from '@billing/testing';
import type pg from 'pg';
import { moneyPathModules, type MoneyPathOverrides } from '../service-modules.js';
import { OverHttpModule, overHttp } from './over-http.js';

export interface MoneyPathApp {
  gw: GatewayTestApp;
  pool: pg.Pool;
  bus: InProcessBus;
  /** the services' schemas (dropped after the file's tests). */
  schemas: { accounts: string; wallet: string; rating: string };
  /** the admin's token. */
  admin: string;
}

export interface MoneyPathAppOptions extends MoneyPathOverrides {
  /** the accounts catch-ups and histories a spec names go over HTTP to this app (over-http.ts). */
  overHttp?: boolean;
}

/** Starts the app for the file's tests (startPerFile); `prefix` names its schemas and pool. */
export function moneyPathAppPerFile(prefix: string, options: MoneyPathAppOptions = {}): MoneyPathApp {
  const schemas = { accounts: uniqueName(`${prefix}_accounts`), wallet: uniqueName(`${prefix}_wallet`), rating: uniqueName(`${prefix}_rating`) };
  return startPerFile(
    async () => {
      const pool = createPool(testDatabaseUrl(), { max: 20, applicationName: `test-${prefix}` });
      const bus = new InProcessBus({ logger: silentLogger });
      const accountsService = uniqueName('accounts');
      const gw = await startGatewayTestApp({
        databaseUrl: testDatabaseUrl(),
        schema: uniqueName(`${prefix}_gw`),
        imports: [
          ...(options.overHttp === true ? [OverHttpModule] : []),
          ...moneyPathModules(
            { pool, bus, sipRealm: 'sip.test.example' },
            {
              accounts: { schema: schemas.accounts, service: accountsService, ...options.accounts },
              wallet: { schema: schemas.wallet, accountsService, holdSweepIntervalMs: 0, ...options.wallet },
              rating: { schema: schemas.rating, accountsService, ...options.rating },
            },
          ),
        ],
      });
      if (options.overHttp === true) overHttp.listening(gw.baseUrl);
      return { gw, pool, bus, schemas, admin: await gw.login('admin', gw.adminPassword!) };
    },
    async ({ gw, pool, bus }) => {
      await gw.close();
      await bus.close();
      for (const schema of Object.values(schemas)) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  );
}

/** A request under /api/v1 as `token` (JSON body when given). */
export const asOn = (app: MoneyPathApp) => (token: string) => (method: string, path: string, body?: unknown): Promise<TestResponse> =>
  app.gw.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
