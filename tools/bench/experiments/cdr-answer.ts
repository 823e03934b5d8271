// EXPERIMENT (issue 12 §5, a CDR's answer is true at once): the figures the synchronous charge of a
// CDR can move, run the same way on two checkouts to compare them in one sitting — CDRs end to end
// (the suite's shape: batches of 500, 4 in flight), single-CDR posts one at a time (the answer's
// latency as a switch sees it), authorization latency (the suite's light and 1 000/s loads) and
// single transfers over HTTP (the deposit hot path). Each with CPU per operation (this process +
// the embedded PostgreSQL). Prints one JSON line per figure; docs/benchmarks.md quotes them.
//   node tools/run-ts.mjs tools/bench/experiments/cdr-answer.ts   (BENCH_SCALE as for npm run bench)
import os from 'node:os';
import { loadConfig } from '../config.js';
import { CpuMonitor } from '../cpu-monitor.js';
import { authorizeLatency } from '../rating/authorize-latency.js';
import { cdrThroughput } from '../rating/cdr-throughput.js';
import { ratingBenchConfig } from '../rating/config.js';
import { generateDeck } from '../rating/deck.js';
import { importDeck, openRatingCustomers, startRatingApp, switchPost, type BenchCustomer } from '../rating/rating-app.js';
import { startBenchServer } from '../server.js';
import { CpuMeter } from '../shared/cpu-meter.js';
import type { Figure } from '../shared/figures.js';
import type { ServiceApp } from '../shared/service-app.js';
import { formatMs, median, percentile } from '../stats.js';
import { walletBenchConfig } from '../wallet/config.js';
import { singleTransfers } from '../wallet/single-transfers.js';
import { startWalletApp } from '../wallet/wallet-app.js';

const log = (line: string) => console.error(`[cdr-answer ${new Date().toISOString().slice(11, 19)}] ${line}`);
const SINGLE_POSTS = 300;

function print(name: string, value: number, unit: string, cpuMicrosPerOp: number, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, cpuMicrosPerOp: Math.round(cpuMicrosPerOp), load1m: os.loadavg()[0], ...extra }));
}

/** CPU µs per operation of `work` (this process + PostgreSQL), with its figure. */
async function perOp<T>(monitor: CpuMonitor, operations: (result: T) => number, work: () => Promise<T>): Promise<{ result: T; cpuMicrosPerOp: number }> {
  const before = monitor.cpuSeconds();
  const result = await work();
  const after = monitor.cpuSeconds();
  return { result, cpuMicrosPerOp: ((after.node - before.node + after.postgres - before.postgres) * 1e6) / operations(result) };
}

/** One answered CDR per POST, one POST at a time: the answer's latency as the switch sees it. */
async function singleCdrPosts(app: ServiceApp, customers: readonly BenchCustomer[], numbers: readonly string[]): Promise<number[]> {
  const latencies: number[] = [];
  const start = Date.parse('2026-07-01T00:00:00Z');
  for (let i = 0; i < SINGLE_POSTS; i += 1) {
    const startedAt = new Date(start + i * 1_000);
    const cdr = {
      callId: `single-${i}`,
      account: customers[i % customers.length]!.accountNumber,
      callerId: '',
      destination: numbers[(i * 7_919) % numbers.length]!,
      startedAt: startedAt.toISOString(),
      answeredAt: new Date(startedAt.getTime() + 2_000).toISOString(),
      endedAt: new Date(startedAt.getTime() + 62_000).toISOString(),
      billsec: 60,
      disposition: 'answered',
    };
    const sent = performance.now();
    const res = await switchPost(app, 'cdrs', cdr);
    if (res.status !== 200) throw new Error(`single CDR ${i}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
    latencies.push(performance.now() - sent);
  }
  return latencies;
}

async function main(): Promise<void> {
  const bench = loadConfig();
  const config = ratingBenchConfig(bench.scale);
  const server = await startBenchServer(bench.databaseUrl, log);
  const monitor = new CpuMonitor(server.postmasterPid);
  try {
    const deck = generateDeck(config.deckRows, config.lookupNumbers);
    const database = await server.freshDatabase('cdr_answer');
    const app = await startRatingApp(database.url);
    try {
      await importDeck(app, deck.rows);
      const customers = await openRatingCustomers(app, config.cdrCustomers, '1000000');
      log(`deck and ${customers.length} customers ready`);
      const cdrs = await perOp<Figure>(monitor, () => config.cdrTotal, () => cdrThroughput(app, 'in-process', customers, deck.numbers, config, log));
      print('cdrs-end-to-end', cdrs.result.value, 'CDRs/s', cdrs.cpuMicrosPerOp, { details: cdrs.result.details });
      const single = await perOp(monitor, () => SINGLE_POSTS, () => singleCdrPosts(app, customers, deck.numbers));
      print('single-cdr-post-p50', median(single.result), 'ms', single.cpuMicrosPerOp, { p99: formatMs(percentile(single.result, 99)) });
      for (const [rate, primary] of [
        [config.authorizeLightRatePerSecond, false],
        [config.authorizeRatePerSecond, true],
      ] as const) {
        const requests = Math.round((rate * config.authorizeRunMs + Math.max(1, Math.round(rate / 4)) * config.authorizeWarmupMs) / 1_000);
        const figure = await perOp<Figure>(monitor, () => requests, () =>
          authorizeLatency(app, customers, deck.numbers, { ratePerSecond: rate, runMs: config.authorizeRunMs, warmupMs: config.authorizeWarmupMs, primary }, log),
        );
        print(`authorize-p99-at-${rate}-per-s`, figure.result.value, figure.result.unit, figure.cpuMicrosPerOp, { details: figure.result.details });
      }
    } finally {
      await app.close();
      await database.drop();
    }
    const walletDb = await server.freshDatabase('cdr_answer_wallet');
    const wallet = await startWalletApp(walletDb.url);
    try {
      const transfers = await singleTransfers(wallet, walletBenchConfig(bench.scale), Math.min(bench.runs, 3), new CpuMeter(monitor), log);
      print('single-transfers', transfers.value, transfers.unit, Number.NaN, { details: transfers.details });
    } finally {
      await wallet.close();
      await walletDb.drop();
    }
  } finally {
    await server.stop();
  }
}

await main();
