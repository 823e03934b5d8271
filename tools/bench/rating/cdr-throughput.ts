// CDRs rated per second end to end: native JSON batches POSTed to /api/v1/switch/cdrs (intake,
// rating, the CallRated event in rating's store, then the wallet charges each call before the
// answer — issue 12 §5; the event reaching the wallet's rating consumer over the bus, in-process
// or Kafka, finds it charged) → the balance projection. The clock stops when the wallet's
// projections have caught up with the last charge.
import { WalletDatabase, WalletProjections } from '@billing/wallet-service';
import type { Figure } from '../shared/figures.js';
import type { ServiceApp } from '../shared/service-app.js';
import { waitFor } from '../shared/wait-for.js';
import { decimals, formatMs, formatRate, percentile } from '../stats.js';
import type { RatingBenchConfig } from './config.js';
import { switchPost, type BenchCustomer } from './rating-app.js';

const CALL_START_MS = Date.parse('2026-06-01T00:00:00Z');

function cdrBatch(customers: readonly BenchCustomer[], numbers: readonly string[], batch: number, size: number, tag: string) {
  return Array.from({ length: size }, (_, i) => {
    const sequence = batch * size + i;
    const billsec = 1 + ((sequence * 37) % 600);
    const startedMs = CALL_START_MS + sequence * 10;
    return {
      callId: `${tag}-${sequence}`,
      account: customers[sequence % customers.length]!.accountNumber,
      callerId: '',
      destination: numbers[(sequence * 7_919) % numbers.length]!,
      startedAt: new Date(startedMs).toISOString(),
      answeredAt: new Date(startedMs + 2_000).toISOString(),
      endedAt: new Date(startedMs + 2_000 + billsec * 1_000).toISOString(),
      billsec,
      disposition: 'answered',
    };
  });
}

async function chargedCount(app: ServiceApp): Promise<number> {
  const db = app.get(WalletDatabase);
  const { rows } = await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${db.table('events')} WHERE type = 'CallCharged'`);
  return Number(rows[0]?.n ?? 0);
}

export async function cdrThroughput(
  app: ServiceApp,
  transport: 'in-process' | 'kafka',
  customers: readonly BenchCustomer[],
  numbers: readonly string[],
  config: RatingBenchConfig,
  log: (line: string) => void,
): Promise<Figure> {
  const batches = Math.ceil(config.cdrTotal / config.cdrBatchSize);
  const before = await chargedCount(app);
  const postMs: number[] = [];
  let rated = 0;
  let next = 0;
  const startedMs = performance.now();
  const poster = async (): Promise<void> => {
    while (next < batches) {
      const batch = next;
      next += 1;
      const sentMs = performance.now();
      const res = await switchPost(app, 'cdrs', { cdrs: cdrBatch(customers, numbers, batch, config.cdrBatchSize, transport) });
      postMs.push(performance.now() - sentMs);
      if (res.status !== 200) throw new Error(`CDR batch ${batch}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
      const counts = (res.body as { counts: Record<string, number> }).counts;
      rated += counts.rated ?? 0;
      if ((counts.rated ?? 0) !== config.cdrBatchSize) throw new Error(`CDR batch ${batch}: not all rated: ${JSON.stringify(counts)}`);
    }
  };
  await Promise.all(Array.from({ length: config.cdrPostsInFlight }, poster));
  const intakeMs = performance.now() - startedMs;
  log(`  ${transport}: ${formatRate(rated)} CDRs rated by intake in ${decimals(intakeMs / 1000, 1)} s; waiting for the wallet`);
  await waitFor(async () => (await chargedCount(app)) - before >= rated, 1_800_000, 'every rated call charged', 200);
  await app.get(WalletProjections).waitForCatchUp(1_800_000);
  const elapsedMs = performance.now() - startedMs;
  const perSecond = (rated * 1_000) / elapsedMs;
  log(`  ${transport}: ${formatRate(perSecond)} CDRs/s end to end`);
  return {
    id: `rating-cdrs-${transport}`,
    label: `CDRs end to end, ${transport === 'kafka' ? 'over Kafka' : 'standalone (in-process bus)'}`,
    value: perSecond,
    unit: 'CDRs/s',
    runs: [perSecond],
    method: `one run of ${formatRate(rated)} CDRs, first POST → last charge in the balance projection`,
    target: { kind: 'min', value: 10_000, text: '≥ 10 000 CDRs/s' },
    details: [
      `${formatRate(batches)} POSTs of ${config.cdrBatchSize} answered CDRs (native JSON), ${config.cdrPostsInFlight} in flight, over ${formatRate(customers.length)} prepaid customers, destinations from the 200 000-prefix deck.`,
      `intake alone (HTTP → rated → CallRated stored): ${formatRate((rated * 1_000) / intakeMs)} CDRs/s; POST latency p50 ${formatMs(percentile(postMs, 50))}, p99 ${formatMs(percentile(postMs, 99))}.`,
      `the wallet finished charging and projecting ${decimals((elapsedMs - intakeMs) / 1000, 1)} s after the last POST was answered.`,
    ],
  };
}
