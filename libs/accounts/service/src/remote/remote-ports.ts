// Distributed mode: accounts' calls to other services over HTTP, made before a command is
// decided — the wallet's initial-balance reservation (libs/contracts funds-api.ts: set a new
// customer's initial balance aside on its agent, or release it) and rating's sheet query
// (sheets-api.ts: does this rate sheet exist?). After a command, rating's and the wallet's catch-up on the change
// (catch-up-api.ts: RemoteRatingCatchUp, RemoteWalletCatchUp, see infrastructure/consumers-at-once.ts). All take the internal service key (INTERNAL_SERVICE_KEY), as the wallet's hold API does. Each call is bounded; a
// service that cannot be reached makes that one request a 503 — nothing is opened or changed
// unchecked.
import {
  AccountsCatchUpResponseV1,
  AGENT_FUNDS_API_PATH,
  RATING_ACCOUNTS_CATCH_UP_API_PATH,
  WALLET_ACCOUNTS_CATCH_UP_API_PATH,
  RATE_SHEETS_API_PATH,
  RateSheetExistsResponseV1,
  ReleaseInitialBalanceResponseV1,
  ReserveInitialBalanceResponseV1,
  type AccountsCatchUpPort,
  type RateSheetInfoV1,
} from '@billing/contracts';
import { callServiceJson, ProblemException } from '@billing/gateway';
import { formatMoney, parseMoney } from '@billing/money';
import { Global, Inject, Injectable, Logger, Module, type DynamicModule } from '@nestjs/common';
import type { z } from 'zod';
import type { AgentFunds, InitialBalanceReservation, RateSheetCatalog } from '../accounts.options.js';
import { waitBoundMs } from '../infrastructure/consumers-at-once.js';

export interface RemotePortsOptions {
  /** the wallet process, e.g. `http://127.0.0.1:3102` (WALLET_URL). */
  walletUrl: string;
  /** the rating process, e.g. `http://127.0.0.1:3103` (RATING_URL). */
  ratingUrl: string;
  /** INTERNAL_SERVICE_KEY (the services' internal APIs take the `service` role only). */
  apiKey: string;
  /** per request (default 2 s). */
  timeoutMs?: number;
}

const REMOTE_PORTS_OPTIONS = Symbol('REMOTE_PORTS_OPTIONS');
const logger = new Logger('AccountsRemotePorts');

/** GET `path` of `baseUrl` (POST `body` when given) as JSON of `schema`; anything else (unreachable, non-200, bad body) is a 503 problem. */
async function callJson<T>(options: RemotePortsOptions, baseUrl: string, path: string, schema: z.ZodType<T>, unavailable: { code: string; detail: string }, body?: unknown): Promise<T> {
  try {
    return await callServiceJson({ baseUrl, path, apiKey: options.apiKey, timeoutMs: options.timeoutMs ?? 2_000, schema, ...(body === undefined ? {} : { body }) });
  } catch (error) {
    logger.warn(`${body === undefined ? 'GET' : 'POST'} ${baseUrl}${path} failed: ${String(error)}`);
    throw new ProblemException(503, unavailable.code, `${unavailable.detail}; nothing was changed. Try again.`, { title: 'Service Unavailable' });
  }
}

@Injectable()
export class RemoteAgentFunds implements AgentFunds {
  constructor(@Inject(REMOTE_PORTS_OPTIONS) private readonly options: RemotePortsOptions) {}

  /** A wallet that cannot be reached reserves nothing: 503 and nothing is opened (a reservation it made meanwhile expires). */
  async reserveInitialBalance(request: { agentId: string; customerId: string; amountMicros: bigint }): Promise<InitialBalanceReservation> {
    const path = `${AGENT_FUNDS_API_PATH}/${encodeURIComponent(request.agentId)}/initial-balance-reservations`;
    const unavailable = { code: 'wallet_unavailable', detail: "The wallet could not be reached to reserve the agent's initial balance" };
    const answer = await callJson(this.options, this.options.walletUrl, path, ReserveInitialBalanceResponseV1, unavailable, { customerId: request.customerId, amount: formatMoney(request.amountMicros) });
    // a wallet that predates `status` refused with 409 only
    return answer.reserved ? { reserved: true } : { reserved: false, code: answer.code, reason: answer.reason, status: answer.status ?? 409, availableMicros: parseMoney(answer.available) };
  }

  async releaseInitialBalance(request: { agentId: string; customerId: string }): Promise<boolean> {
    const path = `${AGENT_FUNDS_API_PATH}/${encodeURIComponent(request.agentId)}/initial-balance-reservations/${encodeURIComponent(request.customerId)}/release`;
    const unavailable = { code: 'wallet_unavailable', detail: 'The wallet could not be reached to release a reservation' };
    return (await callJson(this.options, this.options.walletUrl, path, ReleaseInitialBalanceResponseV1, unavailable, {})).released;
  }
}

@Injectable()
export class RemoteRateSheets implements RateSheetCatalog {
  constructor(@Inject(REMOTE_PORTS_OPTIONS) private readonly options: RemotePortsOptions) {}

  async exists(sheetId: string): Promise<boolean> {
    return (await this.info(sheetId)).exists;
  }

  async info(sheetId: string): Promise<RateSheetInfoV1> {
    const path = `${RATE_SHEETS_API_PATH}/${encodeURIComponent(sheetId)}`;
    return callJson(this.options, this.options.ratingUrl, path, RateSheetExistsResponseV1, { code: 'rating_unavailable', detail: 'Rating could not be reached to check the rate sheet' });
  }
}

/** Rating's catch-up on a committed change: the command has happened already, so a failure is only logged (ConsumersAtOnce), never a 503. */
@Injectable()
export class RemoteRatingCatchUp implements AccountsCatchUpPort {
  constructor(@Inject(REMOTE_PORTS_OPTIONS) private readonly options: RemotePortsOptions) {}

  async catchUp(request: Parameters<AccountsCatchUpPort['catchUp']>[0]): Promise<boolean> {
    const { ratingUrl: baseUrl, apiKey } = this.options;
    const answer = await callServiceJson({ baseUrl, path: RATING_ACCOUNTS_CATCH_UP_API_PATH, apiKey, timeoutMs: request.withinMs ?? waitBoundMs(request.streams.length), schema: AccountsCatchUpResponseV1, body: request });
    return answer.applied;
  }
}

/** The wallet's catch-up on a committed change or opening (a new customer's balance reads the account it opened); as RemoteRatingCatchUp. */
@Injectable()
export class RemoteWalletCatchUp implements AccountsCatchUpPort {
  readonly awaitsOpenings = true;

  constructor(@Inject(REMOTE_PORTS_OPTIONS) private readonly options: RemotePortsOptions) {}

  async catchUp(request: Parameters<AccountsCatchUpPort['catchUp']>[0]): Promise<boolean> {
    const { walletUrl: baseUrl, apiKey } = this.options;
    const answer = await callServiceJson({ baseUrl, path: WALLET_ACCOUNTS_CATCH_UP_API_PATH, apiKey, timeoutMs: request.withinMs ?? waitBoundMs(request.streams.length), schema: AccountsCatchUpResponseV1, body: request });
    return answer.applied;
  }
}

/** Provides all app-wide: `AccountsModule.forRoot({ agentFunds: RemoteAgentFunds, rateSheets: RemoteRateSheets, catchUps: [RemoteRatingCatchUp, RemoteWalletCatchUp], ... })`. */
@Global()
@Module({})
export class RemotePortsModule {
  static forRoot(options: RemotePortsOptions): DynamicModule {
    return {
      module: RemotePortsModule,
      providers: [{ provide: REMOTE_PORTS_OPTIONS, useValue: options }, RemoteAgentFunds, RemoteRateSheets, RemoteRatingCatchUp, RemoteWalletCatchUp],
      exports: [RemoteAgentFunds, RemoteRateSheets, RemoteRatingCatchUp, RemoteWalletCatchUp],
    };
  }
}
