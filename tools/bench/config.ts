// Benchmark settings from the environment. Defaults are the full-size run (a few minutes on
// 2 cores); BENCH_SCALE shrinks event counts and durations for a smoke run.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchConfig {
  /** 1 = full size; 0.05 = a quick smoke run. */
  scale: number;
  /** timed runs per append scenario and store; the median is reported. */
  runs: number;
  /** timed full replay passes per store; the median is reported. */
  replayRuns: number;
  /** untimed warm-up before the first run of an append scenario. */
  warmupMs: number;
  /** length of one timed append run. */
  runMs: number;
  /** concurrent writers (each its own pooled connection, each on its own streams). */
  writers: number;
  /** streams each writer spreads its appends over (picked at random). */
  streamsPerWriter: number;
  /** events per transaction in the batched scenario. */
  batchSize: number;
  /** events in the log the replay scenario reads. */
  replayEvents: number;
  /** readAll / readMessagesBatch page size. */
  pageSize: number;
  /** events per append while loading the replay log. */
  loadBatchSize: number;
  /** concurrent loaders while loading the replay log. */
  loadConcurrency: number;
  /** wall-clock budget of Emmett's replay (its pages are full scans; see scenarios/replay.ts). */
  emmettReplayBudgetMs: number;
  /** also measure the prototypes in tools/bench/experiments (BENCH_EXPERIMENTS=0 to skip). */
  experiments: boolean;
  /** pool size of every store (the same for ours and Emmett's). */
  poolMax: number;
  /** where the markdown report goes. */
  outFile: string;
  /** existing server (DATABASE_URL) or undefined for an embedded PostgreSQL in a temp dir. */
  databaseUrl: string | undefined;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

export function loadConfig(): BenchConfig {
  const scale = Math.min(1, positiveNumber('BENCH_SCALE', 1));
  const full = scale === 1;
  return {
    scale,
    runs: Math.round(positiveNumber('BENCH_RUNS', 5)),
    replayRuns: Math.round(positiveNumber('BENCH_RUNS', 3)),
    warmupMs: Math.max(300, Math.round(2_000 * scale)),
    runMs: Math.max(500, Math.round(4_000 * scale)),
    writers: 8,
    streamsPerWriter: 500,
    batchSize: 100,
    replayEvents: Math.max(10_000, Math.round(1_000_000 * scale)),
    pageSize: Math.round(positiveNumber('BENCH_PAGE_SIZE', 1_000)),
    loadBatchSize: 500,
    loadConcurrency: 4,
    emmettReplayBudgetMs: Math.max(2_000, Math.round(positiveNumber('BENCH_EMMETT_REPLAY_BUDGET_MS', 40_000) * scale)),
    poolMax: 10,
    experiments: process.env.BENCH_EXPERIMENTS !== '0',
    // A smoke run must not overwrite the published full-size results.
    outFile: process.env.BENCH_OUT ?? (full ? path.join(repoRoot, 'docs', 'benchmarks.md') : path.join(os.tmpdir(), 'benchmarks-smoke.md')),
    databaseUrl: process.env.DATABASE_URL || undefined,
  };
}
