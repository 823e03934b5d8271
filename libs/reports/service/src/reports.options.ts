// What the reports module needs from the process that runs it. The entry point owns the pool and
// the bus; the module owns its schema (event store for inbox/checkpoints + read models), its
// consumer and the live feed.
import type { BackoffPolicy, IntegrationBus } from '@billing/messaging';
import type pg from 'pg';

export interface LiveOptions {
  /** a comment line (`: heartbeat`) on every idle stream this often (default 15 s). */
  heartbeatMs: number;
  /** live events kept per instance for `Last-Event-ID` resumes (default 10 000, ≈ 3–5 MB). */
  replayBufferSize: number;
  /** frames waiting for a slow client beyond the socket's own buffer; one more drops it (default 1 000). */
  maxQueuedMessages: number;
  /** open streams per instance; the next one gets 503 (default 1 000). */
  maxConnections: number;
  /** the `retry:` hint sent to EventSource clients (default 3 s). */
  retryMs: number;
}

export interface ConsumerOptions {
  /** tries per integration event before it is dead-lettered (default 10). */
  maxAttempts: number;
  backoff: BackoffPolicy;
}

export interface ReportsModuleOptions {
  pool: pg.Pool;
  /** the bus `accounts.events.v1`, `wallet.events.v1` and `rating.events.v1` are consumed from. */
  bus: IntegrationBus;
  /** PostgreSQL schema of the inbox/checkpoints and the read models (default `reports`). */
  schema?: string;
  /** consumer group and inbox name (default `reports`). */
  service?: string;
  /** the producing services whose `<service>.events.v1` topics are consumed. */
  sources?: { accounts?: string; wallet?: string; rating?: string };
  live?: Partial<LiveOptions>;
  consumer?: Partial<ConsumerOptions>;
  /** longest summary range (default 366 days). */
  maxRangeDays?: number;
  clock?: () => Date;
}

export interface ResolvedReportsOptions {
  pool: pg.Pool;
  bus: IntegrationBus;
  schema: string;
  service: string;
  sources: { accounts: string; wallet: string; rating: string };
  live: LiveOptions;
  consumer: ConsumerOptions;
  maxRangeDays: number;
  clock: () => Date;
}

export const REPORTS_OPTIONS = Symbol('REPORTS_OPTIONS');

export const DEFAULT_LIVE: LiveOptions = Object.freeze({
  heartbeatMs: 15_000,
  replayBufferSize: 10_000,
  maxQueuedMessages: 1_000,
  maxConnections: 1_000,
  retryMs: 3_000,
});

export function resolveReportsOptions(options: ReportsModuleOptions): ResolvedReportsOptions {
  const live = { ...DEFAULT_LIVE, ...options.live };
  between('live.heartbeatMs', live.heartbeatMs, 50, 300_000);
  between('live.replayBufferSize', live.replayBufferSize, 1, 1_000_000);
  between('live.maxQueuedMessages', live.maxQueuedMessages, 1, 100_000);
  between('live.maxConnections', live.maxConnections, 1, 100_000);
  between('live.retryMs', live.retryMs, 100, 600_000);
  const consumer: ConsumerOptions = { maxAttempts: 10, backoff: { initialDelayMs: 200, maxDelayMs: 10_000, multiplier: 2 }, ...options.consumer };
  between('consumer.maxAttempts', consumer.maxAttempts, 1, 100);
  const maxRangeDays = options.maxRangeDays ?? 366;
  between('maxRangeDays', maxRangeDays, 1, 3_660);
  return {
    pool: options.pool,
    bus: options.bus,
    schema: options.schema ?? 'reports',
    service: options.service ?? 'reports',
    sources: {
      accounts: options.sources?.accounts ?? 'accounts',
      wallet: options.sources?.wallet ?? 'wallet',
      rating: options.sources?.rating ?? 'rating',
    },
    live,
    consumer,
    maxRangeDays,
    clock: options.clock ?? (() => new Date()),
  };
}

function between(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`reports: ${name} must be an integer ${min}..${max}, got ${value}`);
}
