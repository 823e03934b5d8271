// Scenario 3: replay of the whole log from the start in pages of a bounded size.
// Ours: readAll(START, pageSize) … until an empty page. Emmett: readMessagesBatch({ after,
// batchSize }) — the call its message batch puller makes — until an empty page.
//
// Emmett's emt_messages has no index on (transaction_id, global_position) (only the primary key
// (stream_id, stream_position, partition, is_archived)), so every page is a scan of the whole
// table plus a top-N sort: a full replay costs pages × full scans and would take far longer than
// the run's budget. When the first page predicts a full pass over `emmettReplayBudgetMs`, the
// store is measured on 10 segments spread evenly over the log (each reading consecutive pages
// for a tenth of the budget) and events/s = events read / time spent reading. Every store whose
// full pass fits the budget gets an untimed warm-up pass and `runs` timed full passes.
import type { BenchConfig } from '../config.js';
import { CpuMonitor } from '../cpu-monitor.js';
import type { ScenarioResult, StoreResult } from '../results.js';
import type { BenchServer } from '../server.js';
import { decimals, formatRate, median } from '../stats.js';
import { fastDecodeReader, type ExperimentalReader } from '../experiments/fast-decode-read-all.js';
import type { ReplayCursor, StoreKind } from '../stores/bench-store.js';
import { EMMETT, OURS } from '../stores/kinds.js';
import { loadLog } from './load-log.js';

const SEGMENTS = 10;

async function fullPass(cursor: ReplayCursor): Promise<{ events: number; elapsedMs: number }> {
  const started = performance.now();
  let events = 0;
  for (;;) {
    const count = await cursor.next();
    if (count === 0) break;
    events += count;
  }
  return { events, elapsedMs: performance.now() - started };
}

interface ReaderExperiment {
  key: string;
  label: string;
  reader(url: string): ExperimentalReader;
}

interface Passes {
  rates: number[];
  /** events a full pass returned (every pass returns the same set). */
  returned: number;
  /** CPU per event over the timed passes (µs): this process, PostgreSQL. */
  nodeMicros: number;
  postgresMicros: number;
}

async function timedPasses(
  monitor: CpuMonitor,
  open: () => ReplayCursor,
  expected: number,
  runs: number,
  label: string,
  log: (line: string) => void,
): Promise<Passes> {
  const warm = await fullPass(open());
  // Not thrown: a store that loses events is a finding to report (Emmett 0.42 does, see ANALYSIS.md).
  if (warm.events !== expected) log(`  WARNING ${label}: a full replay returned ${warm.events} of ${expected} events`);
  const rates: number[] = [];
  const before = monitor.cpuSeconds();
  for (let run = 0; run < runs; run += 1) {
    const pass = await fullPass(open());
    rates.push((pass.events * 1000) / pass.elapsedMs);
    log(`  run ${run + 1}/${runs} ${label}: ${Math.round(rates[run]!)} events/s (${decimals(pass.elapsedMs / 1000, 2)} s)`);
  }
  const after = monitor.cpuSeconds();
  const events = warm.events * runs;
  return { rates, returned: warm.events, nodeMicros: ((after.node - before.node) * 1e6) / events, postgresMicros: ((after.postgres - before.postgres) * 1e6) / events };
}

function missing(returned: number, expected: number): string {
  return `**a full replay returned ${returned.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} events** (${(expected - returned).toLocaleString('en-US')} never delivered); events/s counts the events returned`;
}

function cpuPerEvent(monitor: CpuMonitor, nodeMicros: number, postgresMicros: number): StoreResult['cpuPerEvent'] {
  return { nodeMicros, postgresMicros: monitor.hasPostgres ? postgresMicros : undefined };
}

async function replayStore(
  server: BenchServer,
  config: BenchConfig,
  kind: StoreKind,
  log: (line: string) => void,
  experiments: readonly ReaderExperiment[] = [],
): Promise<StoreResult[]> {
  const monitor = new CpuMonitor(server.postmasterPid);
  const db = await server.freshDatabase(`s3${kind.key}`);
  const store = await kind.open(db.url, config.poolMax);
  try {
    log(`  ${kind.label}: loading ${config.replayEvents} events (${config.loadBatchSize} per append, ${config.loadConcurrency} loaders)`);
    const load = await loadLog(store, config.replayEvents, config.loadBatchSize, config.loadConcurrency);
    const loadRate = (load.events * 1000) / load.elapsedMs;
    log(`  ${kind.label}: loaded in ${decimals(load.elapsedMs / 1000, 1)} s (${Math.round(loadRate)} events/s), table ${decimals(load.tableBytes / 2 ** 20, 0)} MiB`);
    const details = [
      `log: ${load.events.toLocaleString('en-US')} events, table + indexes ${decimals(load.tableBytes / 2 ** 20, 0)} MiB; ` +
        `loaded through the store's append at ${formatRate(loadRate)} events/s (${config.loadBatchSize} events per append, ${config.loadConcurrency} loaders)`,
    ];

    // The first page both warms up and predicts the cost of a full pass.
    const probe = store.replay(config.pageSize);
    const t0 = performance.now();
    await probe.next();
    const firstPageMs = performance.now() - t0;
    const predictedMs = firstPageMs * Math.ceil(load.events / config.pageSize);
    details.push(`first page: ${decimals(firstPageMs, 1)} ms`);

    if (predictedMs <= config.emmettReplayBudgetMs) {
      const passes = await timedPasses(monitor, () => store.replay(config.pageSize), load.events, config.replayRuns, kind.label, log);
      if (passes.returned !== load.events) details.push(missing(passes.returned, load.events));
      const results: StoreResult[] = [
        {
          key: kind.key,
          label: kind.label,
          runs: passes.rates,
          median: median(passes.rates),
          cpuPerEvent: cpuPerEvent(monitor, passes.nodeMicros, passes.postgresMicros),
          details,
        },
      ];
      for (const experiment of experiments) {
        const reader = experiment.reader(db.url);
        try {
          const passes = await timedPasses(monitor, () => reader.replay(config.pageSize), load.events, config.replayRuns, experiment.label, log);
          results.push({
            key: experiment.key,
            label: experiment.label,
            experimental: true,
            runs: passes.rates,
            median: median(passes.rates),
            cpuPerEvent: cpuPerEvent(monitor, passes.nodeMicros, passes.postgresMicros),
            details: passes.returned === load.events ? [] : [missing(passes.returned, load.events)],
          });
        } finally {
          await reader.close();
        }
      }
      return results;
    }

    log(`  ${kind.label}: a full pass would take ~${Math.round(predictedMs / 1000)} s: sampling ${SEGMENTS} segments`);
    const segmentMs = config.emmettReplayBudgetMs / SEGMENTS;
    let events = 0;
    let elapsedMs = 0;
    let pages = 0;
    let nodeS = 0;
    let postgresS = 0;
    for (let s = 0; s < SEGMENTS; s += 1) {
      const cursor = await store.replayFrom(config.pageSize, s / SEGMENTS);
      const cpuBefore = monitor.cpuSeconds();
      const started = performance.now();
      do {
        const count = await cursor.next();
        if (count === 0) break;
        events += count;
        pages += 1;
      } while (performance.now() - started < segmentMs);
      elapsedMs += performance.now() - started;
      const cpuAfter = monitor.cpuSeconds();
      nodeS += cpuAfter.node - cpuBefore.node;
      postgresS += cpuAfter.postgres - cpuBefore.postgres;
    }
    const rate = (events * 1000) / elapsedMs;
    log(`  ${kind.label}: sampled ${pages} pages, ${Math.round(rate)} events/s`);
    const fullPassS = load.events / rate;
    return [
      {
        key: kind.key,
        label: kind.label,
        runs: [rate],
        median: rate,
        cpuPerEvent: cpuPerEvent(monitor, (nodeS * 1e6) / Math.max(1, events), (postgresS * 1e6) / Math.max(1, events)),
        method: `sampled: ${pages} pages (${events.toLocaleString('en-US')} events) read in ${SEGMENTS} segments spread over the log, ${decimals(elapsedMs / 1000, 1)} s; a full pass ≈ ${Math.round(fullPassS)} s`,
        details,
      },
    ];
  } finally {
    await store.close().catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
}

export async function replay(server: BenchServer, config: BenchConfig, log: (line: string) => void): Promise<ScenarioResult> {
  log(`scenario 3: readAll replay over ${config.replayEvents} events, pages of ${config.pageSize}`);
  const experiments: ReaderExperiment[] = config.experiments
    ? [{ key: 'proto_fast_decode', label: 'prototype: readAll with a JSON fast path', reader: fastDecodeReader }]
    : [];
  const results: StoreResult[] = [...(await replayStore(server, config, { ...OURS, label: 'ours' }, log, experiments)), ...(await replayStore(server, config, EMMETT, log))];
  return {
    id: 'replay',
    title: `readAll replay (${config.replayEvents.toLocaleString('en-US')} events)`,
    description:
      `Reads the whole log from the start in pages of ${config.pageSize} on one connection, decoding every event. ` +
      'Ours: readAll(checkpoint, limit) (gap-safe, ordered by (transaction_id, global_position)); ' +
      "Emmett: readMessagesBatch(execute, { after, batchSize }), the call behind its message batch puller. Figure: events/s.",
    results,
    baselineKey: EMMETT.key,
    primaryKey: OURS.key,
    target: { minPerSecond: 200_000, minRatio: 1.5 },
    notes: [],
  };
}
