// Rebuilds the wallet's projections without downtime, from a shell:
//   DATABASE_URL=… node tools/run-ts.mjs libs/wallet/service/src/cli/rebuild-projections.ts [--schema wallet]
// A new version is filled beside the live one (by this process, and by every running wallet,
// which follow the version registry) and replaces it once it has caught up. With the standalone
// app running on its embedded database, POST /api/v1/wallet/projections/rebuild does the same.
import { createPool } from '@billing/postgres';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { ProjectionManager } from '../projections/projection-manager.js';

const url = process.env.DATABASE_URL;
if (url === undefined || url.trim() === '') {
  console.error('DATABASE_URL is required (standalone: POST /api/v1/wallet/projections/rebuild on the running app)');
  process.exit(2);
}
const index = process.argv.indexOf('--schema');
const schema = (index >= 0 ? process.argv[index + 1] : undefined) ?? process.env.WALLET_SCHEMA ?? 'wallet';
const pool = createPool(url, { max: 4, applicationName: 'wallet-rebuild' });
const db = await WalletDatabase.open(pool, schema);
const manager = new ProjectionManager(db, { pollIntervalMs: 200, onError: (error, version) => console.error(`projection v${version}: ${String(error)}`) });
let code = 0;
try {
  await manager.start();
  const startedMs = performance.now();
  const version = await manager.rebuildAndWait(3_600_000);
  console.log(`wallet projections: v${version} active after ${Math.round(performance.now() - startedMs)} ms; the old version's tables are dropped after a grace period`);
} catch (error) {
  console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await manager.stop();
  await db.store.close();
  await pool.end();
}
process.exit(code);
