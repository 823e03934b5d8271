// What the accounts module needs from the process that runs it. The entry point (standalone main,
// a test) owns the pool and the bus; the module owns its event store and its relay.
import type { AccountsCatchUpPort, RateSheetInfoV1 } from '@billing/contracts';
import type { IntegrationBus } from '@billing/messaging';
import type { Type } from '@nestjs/common';
import type pg from 'pg';

/**
 * The wallet's initial-balance reservations (in-process or over HTTP): accounts reserves an
 * agent-funded initial balance before it appends CustomerOpened, keyed by the customer id (a retry
 * reserves nothing twice), and releases it when that opening fails. The wallet funds the customer
 * from the reservation when it consumes CustomerOpened.
 */
export interface AgentFunds {
  reserveInitialBalance(request: { agentId: string; customerId: string; amountMicros: bigint }): Promise<InitialBalanceReservation>;
  /** false when nothing was reserved any more (released, used or expired). */
  releaseInitialBalance(request: { agentId: string; customerId: string }): Promise<boolean>;
}

/** A refusal is an answer: the wallet's `code` (`insufficient_funds`, `in_debt`, …) and HTTP `status`; `availableMicros` what the agent may move now. */
export type InitialBalanceReservation = { reserved: true } | { reserved: false; code: string; reason: string; status: 403 | 404 | 409 | 422; availableMicros: bigint };

export const AGENT_FUNDS = Symbol('AGENT_FUNDS');

/** Rating's answers about a rate sheet (in-process or over HTTP): does it exist, and where it comes from. */
export interface RateSheetCatalog {
  exists(sheetId: string): Promise<boolean>;
  /** parent sheet, markup in force and owning agent (libs/contracts sheets-api.ts): what an agent may bill with. */
  info(sheetId: string): Promise<RateSheetInfoV1>;
}

export const RATE_SHEETS = Symbol('RATE_SHEETS');

export interface AccountsModuleOptions {
  pool: pg.Pool;
  /** the integration bus the relay publishes `accounts.events.v1` on (Kafka or in-process). */
  bus: IntegrationBus;
  /** the SIP digest realm the HA1 is computed for; the directory answers only this domain. */
  sipRealm: string;
  /** PostgreSQL schema of the event store and the read models (default `accounts`). */
  schema?: string;
  /** service name of the relay: its topic is `<service>.events.v1` (default `accounts`). */
  service?: string;
  /** the business clock (default: the system clock). Commands carry `now` from it. */
  clock?: () => Date;
  /**
   * The provider of the wallet's initial-balance reservations: an agent opening a customer with an
   * initial balance it cannot fund gets 409 and nothing is opened. Absent = accounts runs without a
   * wallet (its own tests): nothing is reserved, and a wallet would record a refused funding.
   */
  agentFunds?: Type<AgentFunds> | string | symbol;
  /**
   * The provider of rating's sheet query: a rate sheet that does not exist is refused (422) when
   * an agent, a profile or a customer is given it. Absent = accounts runs without rating (its own
   * tests): sheet ids are not checked, and rating refuses the calls (`no_rate_sheet`).
   */
  rateSheets?: Type<RateSheetCatalog> | string | symbol;
  /**
   * The providers of the consumers whose decisions read accounts' changes at once (rating's
   * RatingAccountsCatchUp in process, RemoteRatingCatchUp between processes): a command on an
   * existing customer or agent is answered once they have applied it (infrastructure/consumers-at-once.ts).
   * Absent = none (accounts alone, its own tests).
   */
  catchUps?: readonly (Type<AccountsCatchUpPort> | string | symbol)[];
}

export interface ResolvedAccountsOptions {
  pool: pg.Pool;
  bus: IntegrationBus;
  sipRealm: string;
  schema: string;
  service: string;
  clock: () => Date;
  agentFunds: Type<AgentFunds> | string | symbol | null;
  rateSheets: Type<RateSheetCatalog> | string | symbol | null;
  catchUps: readonly (Type<AccountsCatchUpPort> | string | symbol)[];
}

export const ACCOUNTS_OPTIONS = Symbol('ACCOUNTS_OPTIONS');

/** Realms end up in `user:realm:password`: a colon or whitespace would make the HA1 ambiguous. */
const SIP_REALM = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$/;

export function resolveAccountsOptions(options: AccountsModuleOptions): ResolvedAccountsOptions {
  if (!SIP_REALM.test(options.sipRealm)) throw new Error(`sipRealm must be a host name such as sip.example.com, got "${options.sipRealm}"`);
  return {
    pool: options.pool,
    bus: options.bus,
    sipRealm: options.sipRealm.toLowerCase(),
    schema: options.schema ?? 'accounts',
    service: options.service ?? 'accounts',
    clock: options.clock ?? (() => new Date()),
    agentFunds: options.agentFunds ?? null,
    rateSheets: options.rateSheets ?? null,
    catchUps: options.catchUps ?? [],
  };
}
