// Distributed mode: accounts' two reads of other services over HTTP, asked before a command is
// decided — the wallet's funds query (libs/contracts funds-api.ts: can this agent fund a new
// customer's initial balance?) and rating's sheet query (sheets-api.ts: does this rate sheet
// exist?). Both take the switch API key, as the wallet's hold API does. Each call is bounded; a
// service that cannot be reached makes that one request a 503 — nothing is opened or changed
// unchecked.
import { AGENT_FUNDS_API_PATH, AgentFundsResponseV1, RATE_SHEETS_API_PATH, RateSheetExistsResponseV1 } from '@billing/contracts';
import { callServiceJson, ProblemException } from '@billing/gateway';
import { parseMoney } from '@billing/money';
import { Global, Inject, Injectable, Logger, Module, type DynamicModule } from '@nestjs/common';
import type { z } from 'zod';
import type { AgentFunds, RateSheetCatalog } from '../accounts.options.js';

export interface RemotePortsOptions {
  /** the wallet process, e.g. `http://127.0.0.1:3102` (WALLET_URL). */
  walletUrl: string;
  /** the rating process, e.g. `http://127.0.0.1:3103` (RATING_URL). */
  ratingUrl: string;
  /** the switch API key (the services' internal APIs take the switch role). */
  apiKey: string;
  /** per request (default 2 s). */
  timeoutMs?: number;
}

const REMOTE_PORTS_OPTIONS = Symbol('REMOTE_PORTS_OPTIONS');
const logger = new Logger('AccountsRemotePorts');

/** GET `path` of `baseUrl` as JSON of `schema`; anything else (unreachable, non-200, bad body) is a 503 problem. */
async function getJson<T>(options: RemotePortsOptions, baseUrl: string, path: string, schema: z.ZodType<T>, unavailable: { code: string; detail: string }): Promise<T> {
  try {
    return await callServiceJson({ baseUrl, path, apiKey: options.apiKey, timeoutMs: options.timeoutMs ?? 2_000, schema });
  } catch (error) {
    logger.warn(`GET ${baseUrl}${path} failed: ${String(error)}`);
    throw new ProblemException(503, unavailable.code, `${unavailable.detail}; nothing was changed. Try again.`, { title: 'Service Unavailable' });
  }
}

@Injectable()
export class RemoteAgentFunds implements AgentFunds {
  constructor(@Inject(REMOTE_PORTS_OPTIONS) private readonly options: RemotePortsOptions) {}

  async availableMicros(agentId: string): Promise<bigint> {
    const path = `${AGENT_FUNDS_API_PATH}/${encodeURIComponent(agentId)}/funds`;
    const answer = await getJson(this.options, this.options.walletUrl, path, AgentFundsResponseV1, { code: 'wallet_unavailable', detail: "The wallet could not be reached to check the agent's balance" });
    return parseMoney(answer.available);
  }
}

@Injectable()
export class RemoteRateSheets implements RateSheetCatalog {
  constructor(@Inject(REMOTE_PORTS_OPTIONS) private readonly options: RemotePortsOptions) {}

  async exists(sheetId: string): Promise<boolean> {
    const path = `${RATE_SHEETS_API_PATH}/${encodeURIComponent(sheetId)}`;
    return (await getJson(this.options, this.options.ratingUrl, path, RateSheetExistsResponseV1, { code: 'rating_unavailable', detail: 'Rating could not be reached to check the rate sheet' })).exists;
  }
}

/** Provides both app-wide: `AccountsModule.forRoot({ agentFunds: RemoteAgentFunds, rateSheets: RemoteRateSheets, ... })`. */
@Global()
@Module({})
export class RemotePortsModule {
  static forRoot(options: RemotePortsOptions): DynamicModule {
    return {
      module: RemotePortsModule,
      providers: [{ provide: REMOTE_PORTS_OPTIONS, useValue: options }, RemoteAgentFunds, RemoteRateSheets],
      exports: [RemoteAgentFunds, RemoteRateSheets],
    };
  }
}
