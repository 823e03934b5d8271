// Shared driver of the two append scenarios: every store on a fresh database, an untimed
// warm-up, then `runs` timed runs interleaved across stores (rotating the order each run, so
// checkpoints and autovacuum do not always land on the same store), median reported.
import type { BenchConfig } from '../config.js';
import { CpuMonitor } from '../cpu-monitor.js';
import type { StoreResult } from '../results.js';
import type { BenchServer } from '../server.js';
import { decimals, formatMs, median, percentile } from '../stats.js';
import type { BenchStore, StoreKind } from '../stores/bench-store.js';
import { runWriters, type StreamVersions, type WriterPlan } from './writers.js';

export interface OpenStore {
  kind: StoreKind;
  store: BenchStore;
  versions: StreamVersions;
}

export interface AppendScenarioHooks {
  /** runs after the warm-up of a store, before the timed runs (e.g. round-trip profiling). */
  afterWarmup?(open: OpenStore): Promise<string[]>;
}

export async function runAppendScenario(
  server: BenchServer,
  config: BenchConfig,
  kinds: readonly StoreKind[],
  plan: WriterPlan,
  log: (line: string) => void,
  hooks: AppendScenarioHooks = {},
): Promise<StoreResult[]> {
  const opened: OpenStore[] = [];
  const extra = new Map<string, string[]>();
  const databases = [];
  try {
    for (const kind of kinds) {
      const db = await server.freshDatabase(`${plan.prefix}${kind.key}`);
      databases.push(db);
      const store = await kind.open(db.url, config.poolMax);
      const open: OpenStore = { kind, store, versions: new Map() };
      opened.push(open);
      const warm = await runWriters(store, plan, open.versions, config.warmupMs);
      log(`  ${kind.label}: warm-up ${Math.round(warm.eventsPerSecond)} events/s`);
      if (hooks.afterWarmup) extra.set(kind.key, await hooks.afterWarmup(open));
    }
    const monitor = new CpuMonitor(server.postmasterPid);
    const runs = new Map<string, { rates: number[]; latencies: number[]; events: number; walBytes: number; fpi: number; nodeS: number; postgresS: number }>(
      opened.map((o) => [o.kind.key, { rates: [], latencies: [], events: 0, walBytes: 0, fpi: 0, nodeS: 0, postgresS: 0 }]),
    );
    for (let run = 0; run < config.runs; run += 1) {
      for (let i = 0; i < opened.length; i += 1) {
        const open = opened[(run + i) % opened.length]!;
        const walBefore = await server.walCounters();
        const cpuBefore = monitor.cpuSeconds();
        const result = await runWriters(open.store, plan, open.versions, config.runMs);
        const cpuAfter = monitor.cpuSeconds();
        const walAfter = await server.walCounters();
        const acc = runs.get(open.kind.key)!;
        acc.rates.push(result.eventsPerSecond);
        acc.latencies.push(...result.latenciesMs);
        acc.events += result.events;
        acc.walBytes += walAfter.bytes - walBefore.bytes;
        acc.fpi += walAfter.fullPageImages - walBefore.fullPageImages;
        acc.nodeS += cpuAfter.node - cpuBefore.node;
        acc.postgresS += cpuAfter.postgres - cpuBefore.postgres;
        log(`  run ${run + 1}/${config.runs} ${open.kind.label}: ${Math.round(result.eventsPerSecond)} events/s (${result.appends} appends)`);
      }
    }
    return opened.map((open) => {
      const acc = runs.get(open.kind.key)!;
      return {
        key: open.kind.key,
        label: open.kind.label,
        ...(open.kind.experimental ? { experimental: true } : {}),
        runs: acc.rates,
        median: median(acc.rates),
        cpuPerEvent: {
          nodeMicros: (acc.nodeS * 1e6) / Math.max(1, acc.events),
          postgresMicros: monitor.hasPostgres ? (acc.postgresS * 1e6) / Math.max(1, acc.events) : undefined,
        },
        details: [
          `append latency p50 ${formatMs(percentile(acc.latencies, 50))}, p99 ${formatMs(percentile(acc.latencies, 99))} (${acc.latencies.length} appends)`,
          `WAL per event ${Math.round(acc.walBytes / Math.max(1, acc.events))} bytes, ${decimals(acc.fpi / Math.max(1, acc.events), 2)} full-page images per event`,
          ...(extra.get(open.kind.key) ?? []),
        ],
      };
    });
  } finally {
    for (const open of opened) await open.store.close().catch(() => undefined);
    for (const db of databases) await db.drop().catch(() => undefined);
  }
}
