// Scenario 1: single-event appends/s, 8 concurrent writers, each append its own durable
// transaction (synchronous_commit on), each writer on its own streams (random among 500).
import type { BenchConfig } from '../config.js';
import { oneStatementKind } from '../experiments/one-statement-append.js';
import { callsRated } from '../payload.js';
import { countQueries } from '../profile.js';
import type { ScenarioResult } from '../results.js';
import type { BenchServer } from '../server.js';
import { EMMETT, OURS, OURS_NO_NOTIFY } from '../stores/kinds.js';
import { runAppendScenario, type OpenStore } from './append-scenario.js';

const PROFILED_APPENDS = 100;

/** Statements per append, new streams and existing streams, one writer (untimed). */
async function roundTrips(open: OpenStore): Promise<string[]> {
  const fresh = await countQueries(async () => {
    for (let i = 0; i < PROFILED_APPENDS; i += 1) await open.store.append(`call-profile-${i}`, callsRated(0, 1), 0);
  });
  const existing = await countQueries(async () => {
    for (let i = 0; i < PROFILED_APPENDS; i += 1) await open.store.append(`call-profile-${i}`, callsRated(0, 1), 1);
  });
  return [`statements per single append: ${fresh / PROFILED_APPENDS} (new stream), ${existing / PROFILED_APPENDS} (existing stream)`];
}

export async function singleAppends(server: BenchServer, config: BenchConfig, log: (line: string) => void): Promise<ScenarioResult> {
  log(`scenario 1: single-event appends, ${config.writers} writers`);
  const results = await runAppendScenario(
    server,
    config,
    [OURS, OURS_NO_NOTIFY, EMMETT, ...(config.experiments ? [oneStatementKind({ notify: false })] : [])],
    { writers: config.writers, streamsPerWriter: config.streamsPerWriter, eventsPerAppend: 1, prefix: 's1' },
    log,
    { afterWarmup: roundTrips },
  );
  return {
    id: 'single',
    title: 'Single-event appends',
    description:
      `${config.writers} concurrent writers, 1 event per append, each append its own transaction with an expected-version check, ` +
      `committed durably (synchronous_commit on); each writer appends to random streams among its own ${config.streamsPerWriter}. ` +
      `Pool of ${config.poolMax} connections per store. Figure: appends/s (= events/s).`,
    results,
    baselineKey: EMMETT.key,
    primaryKey: OURS.key,
    target: { minPerSecond: 4_000, minRatio: 1.5 },
    notes: [],
  };
}
