// `npm run audit`: replays every wallet event, recomputes every balance and commission, proves all
// postings sum to zero and compares with the live projections (libs/wallet/service, audit/).
// Exit 0 = the ledger and the projections agree; 1 = differences (listed); 2 = could not audit.
//
// Database: DATABASE_URL, else the standalone's embedded PostgreSQL in DATA_DIR (default ./data):
// the running one if `npm start` is up (port from its postmaster.pid), otherwise started for the
// audit and stopped after. Schema: --schema <name> or WALLET_SCHEMA (default `wallet`).
import { createPool } from '@billing/postgres';
import { runWalletAudit, WalletDatabase } from '@billing/wallet-service';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../apps/standalone/src/embedded-database.js';

async function main(): Promise<number> {
  const schema = argument('--schema') ?? process.env.WALLET_SCHEMA ?? 'wallet';
  const database = await connect();
  const pool = createPool(database.url, { max: 4, applicationName: 'wallet-audit', statementTimeoutMs: 600_000 });
  try {
    const exists = await pool.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    if (exists.rowCount !== 1) {
      console.error(`wallet audit: no schema "${schema}" in ${database.description}: nothing to audit (has the wallet ever started?)`);
      return 2;
    }
    const db = await WalletDatabase.attach(pool, schema);
    console.log(`wallet audit of schema "${schema}" in ${database.description}`);
    const result = await runWalletAudit(db);
    console.log(result.text);
    await db.store.close();
    return result.ok ? 0 : 1;
  } finally {
    await pool.end();
    await database.stop();
  }
}

/** DATABASE_URL; else the embedded server of DATA_DIR, reusing it when `npm start` runs it. */
async function connect(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
  if (url !== undefined && url.trim() !== '') return openDatabase(url, dataDir);
  const running = runningEmbedded(dataDir);
  if (running !== undefined) return { url: running, description: `the running embedded PostgreSQL of ${dataDir}`, stop: async () => undefined };
  return openDatabase(undefined, dataDir);
}

function runningEmbedded(dataDir: string): string | undefined {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pidLine), 0);
  } catch (error) {
    // EPERM: alive, but owned by the postgres OS user (the standalone runs it so as root)
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  const passwordFile = path.join(dataDir, 'postgres.password');
  const password = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : 'postgres';
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${Number(portLine)}/billing`;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  if (index >= 0) return process.argv[index + 1];
  return process.argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`wallet audit could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
