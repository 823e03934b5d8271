// Authorization latency under a paced open-loop load: POST /api/v1/switch/authorize at a fixed
// 1 000 requests/s (sent on schedule whether or not earlier ones were answered; latency counts
// from the scheduled instant, so queueing is not hidden). Each request prices the destination on
// the deck, counts open calls and places a wallet hold.
import type { Figure } from '../shared/figures.js';
import { jsonHeaders, runHttpLoad, type LoadRequest, type PacedPlan } from '../shared/http-load.js';
import type { ServiceApp } from '../shared/service-app.js';
import { decimals, formatMs, formatRate, percentile } from '../stats.js';
import { SWITCH_TOKEN, type BenchCustomer } from './rating-app.js';

export interface AuthorizeLoad {
  ratePerSecond: number;
  runMs: number;
  warmupMs: number;
  /** judged against the target (the issue's 1 000 requests/s); else a diagnostic at a lower rate. */
  primary: boolean;
}

export async function authorizeLatency(app: ServiceApp, customers: readonly BenchCustomer[], numbers: readonly string[], load: AuthorizeLoad, log: (line: string) => void): Promise<Figure> {
  const tag = `auth-${load.ratePerSecond}`;
  // one request per scheduled send (bounded by the run): a new call id each, a customer and a deck
  // destination spread over the sequence
  const total = Math.min(50_000, Math.round((load.ratePerSecond * load.runMs) / 1_000));
  const requests = Array.from({ length: total }, (_, sequence): LoadRequest => ({
    method: 'POST',
    path: '/api/v1/switch/authorize',
    headers: jsonHeaders(SWITCH_TOKEN),
    body: JSON.stringify({ callId: `${tag}-{{seq}}`, account: customers[sequence % customers.length]!.accountNumber, destination: numbers[(sequence * 7_919) % numbers.length]! }),
    expectStatus: 200,
  }));
  const plan = (ratePerSecond: number, durationMs: number, firstSequence: number): PacedPlan => ({
    kind: 'paced',
    baseUrl: app.gw.baseUrl,
    ratePerSecond,
    durationMs,
    firstSequence,
    requests,
    countWhenBodyIncludes: '"allowed":false',
  });
  const warmupRate = Math.max(1, Math.round(load.ratePerSecond / 4));
  const warmup = await runHttpLoad(plan(warmupRate, load.warmupMs, 0));
  const result = await runHttpLoad(plan(load.ratePerSecond, load.runMs, warmup.sent));
  const refused = result.counted;
  const p50 = percentile(result.latenciesMs, 50);
  const p99 = percentile(result.latenciesMs, 99);
  const achieved = (result.ok * 1_000) / result.elapsedMs;
  log(`  authorize at ${load.ratePerSecond}/s: p50 ${formatMs(p50)}, p99 ${formatMs(p99)}, achieved ${formatRate(achieved)}/s`);
  return {
    id: `rating-authorize-p99-${load.ratePerSecond}`,
    label: `Authorization latency p99 at ${formatRate(load.ratePerSecond)} requests/s (open loop)${load.primary ? '' : ' ¹'}`,
    value: p99,
    unit: 'ms',
    runs: [p99],
    method: `one paced run of ${load.runMs / 1000} s (${formatRate(result.sent)} requests scheduled) after ${load.warmupMs / 1000} s at a quarter of the rate`,
    ...(load.primary ? { target: { kind: 'max' as const, value: 5, text: 'p99 < 5 ms' } } : {}),
    details: [
      `p50 ${formatMs(p50)}, p99 ${formatMs(p99)}, max ${formatMs(percentile(result.latenciesMs, 100))}; achieved ${formatRate(achieved)} answered/s ` +
        `(${formatRate(result.ok)} answered, ${result.failed} failed${result.failures.length > 0 ? `: ${result.failures[0]}` : ''}, ${refused} refused) over ${decimals(result.elapsedMs / 1000, 1)} s.`,
      `each request a new call of one of ${formatRate(customers.length)} prepaid customers to a deck destination: price, open-call count, wallet hold (up to 3 h of cost).`,
      'The load generator (node:http, keep-alive) runs in a worker thread of the benchmark process: off the service\'s event loop, on the same 2 cores.',
    ],
  };
}
