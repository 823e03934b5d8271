// Scenario 2: batched appends, 100 events per transaction, events/s; same writers and streams
// model as scenario 1.
import type { BenchConfig } from '../config.js';
import { oneStatementKind } from '../experiments/one-statement-append.js';
import type { ScenarioResult } from '../results.js';
import type { BenchServer } from '../server.js';
import { EMMETT, OURS, OURS_NO_NOTIFY } from '../stores/kinds.js';
import { runAppendScenario } from './append-scenario.js';

export async function batchedAppends(server: BenchServer, config: BenchConfig, log: (line: string) => void): Promise<ScenarioResult> {
  log(`scenario 2: batched appends, ${config.batchSize} events per transaction, ${config.writers} writers`);
  const results = await runAppendScenario(
    server,
    config,
    [OURS, OURS_NO_NOTIFY, EMMETT, ...(config.experiments ? [oneStatementKind({ notify: false })] : [])],
    { writers: config.writers, streamsPerWriter: config.streamsPerWriter, eventsPerAppend: config.batchSize, prefix: 's2' },
    log,
  );
  return {
    id: 'batched',
    title: `Batched appends (${config.batchSize} events / transaction)`,
    description:
      `${config.writers} concurrent writers, ${config.batchSize} events per append to one stream in one durable transaction, ` +
      `expected-version check; each writer appends to random streams among its own ${config.streamsPerWriter}. Figure: events/s.`,
    results,
    baselineKey: EMMETT.key,
    primaryKey: OURS.key,
    target: { minPerSecond: 60_000, minRatio: 1.5 },
    notes: [],
  };
}
