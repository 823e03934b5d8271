// A wallet process that only charges calls, for the "killed in the middle" test: charges
// `call-0 … call-(COUNT-1)` of CUSTOMER (CONCURRENCY in flight), printing progress; the parent
// SIGKILLs it mid-way — no drain, no cleanup — and starts it again over the same list, as
// rating would redeliver what it never saw acknowledged.
import { createPool } from '@billing/postgres';
import { Clock } from '../application/clock.js';
import { LedgerService } from '../application/ledger.service.js';
import { WalletCalls } from '../application/wallet-calls.service.js';
import { Directory } from '../infrastructure/directory.js';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { resolveWalletOptions } from '../wallet.options.js';
import { InProcessBus, silentLogger } from '@billing/messaging';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
};

const pool = createPool(env('DATABASE_URL'), { max: 8, applicationName: 'wallet-charging-process' });
const options = resolveWalletOptions({ pool, bus: new InProcessBus({ logger: silentLogger }), schema: env('SCHEMA') });
const db = await WalletDatabase.open(pool, options.schema);
const calls = new WalletCalls(new LedgerService(db, options), new Clock(options), new Directory(db));
const count = Number(env('COUNT'));
const concurrency = Number(env('CONCURRENCY'));
const customerId = env('CUSTOMER');
const costMicros = BigInt(env('COST_MICROS'));

let next = 0;
let charged = 0;
let repeated = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const callId = `call-${next++}`;
      const result = await calls.chargeCall({ customerId, callId, costMicros });
      if (result.charged) charged += 1;
      else if (result.reason === 'already-charged') repeated += 1;
      else throw new Error(`${callId} not charged: ${JSON.stringify(result)}`);
      if ((charged + repeated) % 50 === 0) process.stdout.write(`progress ${charged + repeated}\n`);
    }
  }),
);
process.stdout.write(`done charged=${charged} repeated=${repeated}\n`);
await db.store.close();
await pool.end();
