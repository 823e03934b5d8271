// What the rating module needs from the process that runs it. The entry point (standalone main,
// a test) owns the pool and the bus and names the wallet's hold API (docs/ARCHITECTURE.md, Shape: authorization is
// a synchronous call between services); the module owns its event store, relay, consumer,
// read models and in-memory rate tables.
import { MAX_CALL_SECONDS } from '@billing/rating-domain';
import type { AccountsHistoryPort } from '@billing/contracts';
import type { IntegrationBus } from '@billing/messaging';
import type { Type } from '@nestjs/common';
import type pg from 'pg';

/** The wallet's in-process hold API, as rating uses it (structurally the wallet's WalletCalls). */
export interface WalletHolds {
  /** Grants min(requested, available); a repeat for the same callId answers the open hold. */
  placeHold(input: { customerId: string; callId: string; requestedMicros: bigint; expiresAt?: string }): Promise<
    | { readonly granted: true; readonly grantedMicros: bigint; readonly expiresAt: string }
    | { readonly granted: false; readonly grantedMicros: 0n; readonly code: string; readonly reason: string }
  >;
  /** Releases the call's hold (nothing if it has none); answered once the wallet's reads show it. */
  releaseHold(input: { customerId: string; callId: string }): Promise<{ releasedMicros: bigint }>;
  /**
   * Charges the rated calls of CDRs just recorded (settling their holds), answered once the wallet's
   * reads show them: the CDR's answer is then true at once. Once per call — the integration event
   * that charges the same call later moves nothing —, so a failure here only delays the charge.
   */
  chargeRatedCalls(charges: readonly { customerId: string; callId: string; costMicros: bigint }[], within?: SettlementWithin): Promise<readonly { readonly charged: boolean }[]>;
  /**
   * Releases the holds of the unanswered and unrated calls of CDRs just recorded, all in one go
   * (one request between processes, as the charges), answered once the wallet's reads show them;
   * the call's event releases nothing more later, so a failure here only delays the release.
   */
  releaseHolds(releases: readonly { customerId: string; callId: string }[], within?: SettlementWithin): Promise<readonly { readonly releasedMicros: bigint }[]>;
}

/** What is left of the CDR answer's budget (ms): the settlement answers within it, or gives up and leaves it to the events. */
export interface SettlementWithin {
  readonly withinMs: number;
}

export interface RatingModuleOptions {
  pool: pg.Pool;
  /** publishes `<service>.events.v1` and consumes `<accountsService>.events.v1` (Kafka or in-process). */
  bus: IntegrationBus;
  /** the provider (class or token) of the wallet's hold API in the app, e.g. the wallet's `WalletCalls`. */
  wallet: Type<WalletHolds> | string | symbol;
  /** PostgreSQL schema of the event store and the read models (default `rating`). */
  schema?: string;
  /** relay service name: the topic is `<service>.events.v1` (default `rating`). */
  service?: string;
  /** the service whose `<name>.events.v1` feeds the customer directory (default `accounts`). */
  accountsService?: string;
  /** consumer group and inbox consumer name (default: `service`). */
  consumerGroup?: string;
  /** the business clock (default: the system clock). Commands carry `now` from it. */
  clock?: () => Date;
  /** docs/rating.md `maxCallSeconds`: the longest call an authorization grants (default 10 800 = 3 h, at most 86 400). */
  maxCallSeconds?: number;
  /** how long after its longest possible end an unanswered authorization still counts and its hold lives (default 600 s). */
  holdGraceSeconds?: number;
  /** rate tables kept in memory, one per (sheet, version, markup) (default 16). */
  maxRateTables?: number;
  /** rows of all rate tables kept in memory together (default 4 000 000). */
  maxRateTableRows?: number;
  /** bytes a CSV upload (deck or Master.csv) may have (default 256 MiB). */
  maxUploadBytes?: number;
  /** start the relay and the accounts consumer (default true). */
  background?: boolean;
  /**
   * Where a customer, SIP user or agent not consumed yet is asked for (accounts' history: in process
   * `AccountsHistory`, between processes `RemoteAccountsHistory`); its integration events are then
   * applied through the accounts consumer at once. Absent: unknown until consumed (tests of rating alone).
   */
  accountsHistory?: Type<AccountsHistoryPort>;
}

export interface ResolvedRatingOptions {
  pool: pg.Pool;
  bus: IntegrationBus;
  wallet: Type<WalletHolds> | string | symbol;
  schema: string;
  service: string;
  accountsService: string;
  consumerGroup: string;
  clock: () => Date;
  maxCallSeconds: number;
  holdGraceSeconds: number;
  maxRateTables: number;
  maxRateTableRows: number;
  maxUploadBytes: number;
  background: boolean;
  accountsHistory: Type<AccountsHistoryPort> | null;
}

export const RATING_OPTIONS = Symbol('RATING_OPTIONS');
export const WALLET_HOLDS = Symbol('WALLET_HOLDS');
/** The AccountsHistoryPort the module was given (null: none). */
export const ACCOUNTS_HISTORY = Symbol('RATING_ACCOUNTS_HISTORY');

function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`rating option ${name} must be an integer in ${min}..${max}, got ${value}`);
  return value;
}

export function resolveRatingOptions(options: RatingModuleOptions): ResolvedRatingOptions {
  const service = options.service ?? 'rating';
  return {
    pool: options.pool,
    bus: options.bus,
    wallet: options.wallet,
    schema: options.schema ?? 'rating',
    service,
    accountsService: options.accountsService ?? 'accounts',
    consumerGroup: options.consumerGroup ?? service,
    clock: options.clock ?? (() => new Date()),
    maxCallSeconds: bounded('maxCallSeconds', options.maxCallSeconds ?? 10_800, 1, MAX_CALL_SECONDS),
    holdGraceSeconds: bounded('holdGraceSeconds', options.holdGraceSeconds ?? 600, 0, 86_400),
    maxRateTables: bounded('maxRateTables', options.maxRateTables ?? 16, 1, 1_000),
    maxRateTableRows: bounded('maxRateTableRows', options.maxRateTableRows ?? 4_000_000, 1, 100_000_000),
    maxUploadBytes: bounded('maxUploadBytes', options.maxUploadBytes ?? 256 * 1024 * 1024, 1, 2 ** 40),
    background: options.background ?? true,
    accountsHistory: options.accountsHistory ?? null,
  };
}

/** `MAX_CALL_SECONDS` from the environment (unset or blank: the default), for the app's wiring. */
export function maxCallSecondsFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env['MAX_CALL_SECONDS']?.trim();
  if (text === undefined || text === '') return undefined;
  if (!/^[0-9]{1,6}$/.test(text) || Number(text) < 1 || Number(text) > MAX_CALL_SECONDS) throw new Error(`MAX_CALL_SECONDS must be a whole number of seconds from 1 to ${MAX_CALL_SECONDS}, got "${text}"`);
  return Number(text);
}
