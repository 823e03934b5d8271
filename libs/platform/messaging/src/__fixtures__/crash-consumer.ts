// Child process for the "consumer killed mid-batch" test: consumes with the effect handler and
// SIGKILLs itself after N effects — no offset commit, no leave-group, no cleanup of any kind,
// exactly what a crashed or OOM-killed instance leaves behind.
//   CRASH_SCHEMA, CRASH_TOPIC, CRASH_GROUP, CRASH_AFTER, CRASH_POINT=after-commit|in-transaction
import pg from 'pg';
import { testDatabaseUrl } from '@billing/testing';
import { PostgresEventStore } from '@billing/event-store';
import { testKafkaBus } from './buses.js';
import { effectHandler } from './service-store.js';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const schema = env('CRASH_SCHEMA');
const dieAfter = Number(env('CRASH_AFTER'));
const point = env('CRASH_POINT');
const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 });
const store = await PostgresEventStore.open({ pool, schema, migrate: false });
const bus = testKafkaBus({
  // one partition at a time: the scenario needs applied effects whose offsets are not committed yet
  // when the process dies (with partitions in parallel, batches end and commit sooner)
  consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, commitEveryMessages: 10, partitionsConsumedConcurrently: 1 },
});
let effects = 0;
const die = async () => {
  effects += 1;
  if (effects === dieAfter) process.kill(process.pid, 'SIGKILL');
};
await bus.consume({
  group: env('CRASH_GROUP'),
  topics: [env('CRASH_TOPIC')],
  store,
  checkpoints: store.checkpoints,
  handler: effectHandler(store, schema, point === 'in-transaction' ? { afterEffect: die } : { afterCommit: die }),
});
process.stdout.write('consuming\n');
