// What the wallet module needs from the process that runs it. The entry point (standalone main,
// a test) owns the pool and the bus; the module owns its event store, relay, consumer,
// projections and the hold sweeper, and stops them when the application closes.
import type { AccountsHistoryPort } from '@billing/contracts';
import type { IntegrationBus } from '@billing/messaging';
import type { Type } from '@nestjs/common';
import type pg from 'pg';

export interface WalletModuleOptions {
  pool: pg.Pool;
  /** the bus the relay publishes `<service>.events.v1` on and the accounts consumer reads from. */
  bus: IntegrationBus;
  /** PostgreSQL schema of the event store, the projections and the directory (default `wallet`). */
  schema?: string;
  /** relay service name: the topic is `<service>.events.v1` (default `wallet`). */
  service?: string;
  /** the service whose `<name>.events.v1` opens ledger accounts (default `accounts`). */
  accountsService?: string;
  /** the service whose `<name>.events.v1` charges calls (default `rating`; consumer group `<consumerGroup>-rating`). */
  ratingService?: string;
  /** consumer group and inbox consumer name (default: `service`). */
  consumerGroup?: string;
  /** the business clock (default: the system clock); commands carry `now` from it. */
  clock?: () => Date;
  /** how often expired holds are swept; 0 = never (default 15 s). */
  holdSweepIntervalMs?: number;
  /** projection polling fallback when no notification arrives (default 1 s). */
  projectionPollIntervalMs?: number;
  /** a snapshot is saved once this many events follow the last one (default 200). */
  snapshotEveryEvents?: number;
  /** loaded account states kept in memory (default 10 000). */
  cacheCapacity?: number;
  /** commands decided together in one append (default 500). */
  maxBatchCommands?: number;
  /** ledger transactions at once, on disjoint accounts (default 2: on a small machine fewer, fuller batches beat more, emptier ones; each holds a pool connection). */
  maxBatchesInFlight?: number;
  /** commands waiting for a batch before new ones are refused (default 100 000). */
  maxQueuedUnits?: number;
  /** start the relay, the accounts consumer and the hold sweeper (default true; projections always run). */
  background?: boolean;
  /**
   * Where a customer or agent the wallet has not consumed yet is asked for (accounts' history: in
   * process `AccountsHistory`, between processes `RemoteAccountsHistory`); its integration events are
   * then applied through the accounts consumer at once. Absent: unknown until consumed (tests of the wallet alone).
   */
  accountsHistory?: Type<AccountsHistoryPort>;
}

export interface ResolvedWalletOptions {
  pool: pg.Pool;
  bus: IntegrationBus;
  schema: string;
  service: string;
  accountsService: string;
  ratingService: string;
  consumerGroup: string;
  clock: () => Date;
  holdSweepIntervalMs: number;
  projectionPollIntervalMs: number;
  snapshotEveryEvents: number;
  cacheCapacity: number;
  maxBatchCommands: number;
  maxBatchesInFlight: number;
  maxQueuedUnits: number;
  background: boolean;
  accountsHistory: Type<AccountsHistoryPort> | null;
}

export const WALLET_OPTIONS = Symbol('WALLET_OPTIONS');
/** The AccountsHistoryPort the module was given (null: none). */
export const ACCOUNTS_HISTORY = Symbol('WALLET_ACCOUNTS_HISTORY');

function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`wallet option ${name} must be an integer in ${min}..${max}, got ${value}`);
  return value;
}

export function resolveWalletOptions(options: WalletModuleOptions): ResolvedWalletOptions {
  const service = options.service ?? 'wallet';
  return {
    pool: options.pool,
    bus: options.bus,
    schema: options.schema ?? 'wallet',
    service,
    accountsService: options.accountsService ?? 'accounts',
    ratingService: options.ratingService ?? 'rating',
    consumerGroup: options.consumerGroup ?? service,
    clock: options.clock ?? (() => new Date()),
    holdSweepIntervalMs: bounded('holdSweepIntervalMs', options.holdSweepIntervalMs ?? 15_000, 0, 3_600_000),
    projectionPollIntervalMs: bounded('projectionPollIntervalMs', options.projectionPollIntervalMs ?? 1_000, 10, 60_000),
    snapshotEveryEvents: bounded('snapshotEveryEvents', options.snapshotEveryEvents ?? 200, 1, 100_000),
    cacheCapacity: bounded('cacheCapacity', options.cacheCapacity ?? 10_000, 0, 10_000_000),
    maxBatchCommands: bounded('maxBatchCommands', options.maxBatchCommands ?? 500, 1, 1_000),
    maxBatchesInFlight: bounded('maxBatchesInFlight', options.maxBatchesInFlight ?? 2, 1, 64),
    maxQueuedUnits: bounded('maxQueuedUnits', options.maxQueuedUnits ?? 100_000, 1, 10_000_000),
    background: options.background ?? true,
    accountsHistory: options.accountsHistory ?? null,
  };
}
