// The rating suite (issue text), on one 200 000-prefix deck: lookups/s of the engine vs a SQL
// longest-prefix query per call (A2Billing) and per-length Map probes (CGRateS); CDRs rated per
// second end to end, standalone and over Kafka; authorization latency at 1 000 requests/s.
// Returns its docs/benchmarks.md section.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchConfig } from '../config.js';
import { CpuMonitor } from '../cpu-monitor.js';
import type { BenchServer } from '../server.js';
import { analysisOf, figureDetails, summaryTable } from '../shared/figures-report.js';
import { measured, notMeasured, type Figure } from '../shared/figures.js';
import { runHeader } from '../shared/run-header.js';
import type { ServiceApp } from '../shared/service-app.js';
import { decimals } from '../stats.js';
import { authorizeLatency } from './authorize-latency.js';
import { cdrThroughput } from './cdr-throughput.js';
import { ratingBenchConfig, type RatingBenchConfig } from './config.js';
import { generateDeck, type Deck } from './deck.js';
import { withLocalKafka } from './kafka.js';
import { lookupComparison } from './lookup-comparison.js';
import { importDeck, openRatingCustomers, startRatingApp } from './rating-app.js';

const analysisFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ANALYSIS.md');

/** A rating+wallet app on a fresh database with the deck and funded customers; work(app); then it is removed. */
async function withRatingApp<T>(server: BenchServer, deck: Deck, config: RatingBenchConfig, brokers: string[] | undefined, log: (line: string) => void, work: (app: ServiceApp, customers: Awaited<ReturnType<typeof openRatingCustomers>>) => Promise<T>): Promise<T> {
  const database = await server.freshDatabase(brokers === undefined ? 'rating' : 'rating_kafka');
  const app = await startRatingApp(database.url, brokers);
  try {
    const importMs = await importDeck(app, deck.rows);
    log(`  deck of ${deck.rows.length} rows imported through the API in ${decimals(importMs / 1000, 1)} s`);
    const customers = await openRatingCustomers(app, config.cdrCustomers, '1000000');
    log(`  ${customers.length} customers opened and funded`);
    return await work(app, customers);
  } finally {
    await app.close();
    await database.drop();
  }
}

export async function runRatingSuite(server: BenchServer, bench: BenchConfig, log: (line: string) => void): Promise<{ section: string; figures: Figure[] }> {
  const startedAt = new Date();
  const config = ratingBenchConfig(bench.scale);
  const monitor = new CpuMonitor(server.postmasterPid);
  const deck = generateDeck(config.deckRows, config.lookupNumbers);
  const figures: Figure[] = [];
  log(`rating: lookups on a ${deck.rows.length}-prefix deck`);
  monitor.begin();
  figures.push(...(await lookupComparison(server, deck, config, log)));
  const lookupCpu = monitor.end();
  if (lookupCpu) for (const figure of figures) figure.cpu = lookupCpu;

  log('rating: standalone app (CDRs end to end, authorization)');
  await withRatingApp(server, deck, config, undefined, log, async (app, customers) => {
    figures.push(await measured(monitor, () => cdrThroughput(app, 'in-process', customers, deck.numbers, config, log)));
    const primary = { ratePerSecond: config.authorizeRatePerSecond, runMs: config.authorizeRunMs, warmupMs: config.authorizeWarmupMs, primary: true };
    figures.push(await measured(monitor, () => authorizeLatency(app, customers, deck.numbers, primary, log)));
    const light = { ratePerSecond: config.authorizeLightRatePerSecond, runMs: config.authorizeRunMs, warmupMs: config.authorizeWarmupMs, primary: false };
    figures.push(await measured(monitor, () => authorizeLatency(app, customers, deck.numbers, light, log)));
  });

  const kafkaTarget = { kind: 'min' as const, value: 10_000, text: '≥ 10 000 CDRs/s' };
  if (!config.kafka) {
    figures.push(notMeasured('rating-cdrs-kafka', 'CDRs end to end, over Kafka', 'CDRs/s', 'skipped (BENCH_KAFKA=0).', kafkaTarget));
  } else {
    log('rating: over Kafka');
    try {
      const figure = await withLocalKafka(log, (kafka) =>
        withRatingApp(server, deck, config, kafka.brokers, log, (app, customers) => measured(monitor, () => cdrThroughput(app, 'kafka', customers, deck.numbers, config, log))),
      );
      figure.details.push('broker: a local single-node KRaft Kafka (libs/platform/testing startLocalKafka) on the same machine; the KafkaBus defaults: 6 partitions per topic, partitionsConsumedConcurrently 3, idempotent producer with acks=-1; the wallet\'s rating consumer keeps up to 1 024 messages in flight per partition.');
      figures.push(figure);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`  Kafka leg not measured: ${reason}`);
      figures.push(notMeasured('rating-cdrs-kafka', 'CDRs end to end, over Kafka', 'CDRs/s', `the run failed: ${reason}`, kafkaTarget));
    }
  }

  const cpu = figures.flatMap((f) => (f.cpu ? [f.cpu] : []));
  const lines = [
    '# Rating benchmarks',
    '',
    '<!-- Generated by `npm run bench` (tools/bench/rating/); the analysis is tools/bench/rating/ANALYSIS.md. Do not edit by hand. -->',
    '',
    ...runHeader({ suite: 'rating', scale: bench.scale, startedAt, durationMs: Date.now() - startedAt.getTime(), server: server.info, cpu }),
    `- **Deck:** ${deck.rows.length.toLocaleString('en-US')} unique prefixes (2–10 digits: a 1–2 digit country code then 2–8 digits), deterministic (tools/bench/rating/deck.ts, the generator of libs/rating/domain/bench/trie.bench.ts); numbers = a deck prefix extended to 12 digits.`,
    '- **Service:** RatingModule + WalletModule behind the gateway edge in one Nest app, as `apps/standalone` composes them (pool of 20, production defaults); the deck imported through `POST /api/v1/rate-sheets` as CSV; customers opened from accounts\' v1 integration events.',
    '',
    '## Results',
    '',
    ...summaryTable(figures),
    '',
    `¹ A diagnostic, not the target's load: the same requests at ${config.authorizeLightRatePerSecond}/s, a rate this machine sustains, to show the latency without queueing.`,
    '',
    '## Details',
    '',
    ...figures.flatMap(figureDetails),
    ...analysisOf(analysisFile),
  ];
  return { section: lines.join('\n'), figures };
}
