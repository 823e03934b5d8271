// The event-store suite: our PostgreSQL event store side by side with @event-driven-io/emmett-postgresql
// (single appends, batched appends, replay). Its section of docs/benchmarks.md is report.ts's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BenchConfig } from './config.js';
import { CpuMonitor } from './cpu-monitor.js';
import { describeCpu, type ReportInput } from './report.js';
import type { ScenarioResult } from './results.js';
import { batchedAppends } from './scenarios/batched-appends.js';
import { replay } from './scenarios/replay.js';
import { singleAppends } from './scenarios/single-appends.js';
import type { BenchServer } from './server.js';

function emmettVersion(): string {
  // The package exports no ./package.json: find it from its entry point (…/dist/index.cjs).
  const entry = createRequire(import.meta.url).resolve('@event-driven-io/emmett-postgresql');
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export async function runEventStoreSuite(server: BenchServer, config: BenchConfig, log: (line: string) => void): Promise<ReportInput> {
  const startedAt = new Date();
  log(`event store: scale ${config.scale}, ${config.runs} runs, ${config.runMs} ms per append run, ${config.replayEvents} events to replay`);
  const scenarios: ScenarioResult[] = [];
  const monitor = new CpuMonitor(server.postmasterPid);
  for (const scenario of [singleAppends, batchedAppends, replay]) {
    monitor.begin();
    const result = await scenario(server, config, log);
    result.cpu = monitor.end();
    if (result.cpu) log(`  CPU: ${describeCpu(result.cpu)}`);
    scenarios.push(result);
  }
  return { config, server: server.info, scenarios, startedAt, durationMs: Date.now() - startedAt.getTime(), emmettVersion: emmettVersion() };
}
