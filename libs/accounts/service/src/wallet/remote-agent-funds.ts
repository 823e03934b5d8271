// Distributed mode: the wallet's funds query over HTTP (libs/contracts funds-api.ts), asked before
// an agent opens a customer it is to fund. Bounded; a wallet that cannot be reached makes the
// opening fail with 503 rather than open a customer whose funding nobody checked.
import { AGENT_FUNDS_API_PATH, AgentFundsResponseV1 } from '@billing/contracts';
import { ProblemException } from '@billing/gateway';
import { parseMoney } from '@billing/money';
import { Global, Inject, Injectable, Logger, Module, type DynamicModule } from '@nestjs/common';
import type { AgentFunds } from '../accounts.options.js';

export interface RemoteAgentFundsOptions {
  /** the wallet process, e.g. `http://127.0.0.1:3102`. */
  baseUrl: string;
  /** the switch API key (the wallet's internal API takes the switch role). */
  apiKey: string;
  /** per request (default 2 s). */
  timeoutMs?: number;
}

const REMOTE_AGENT_FUNDS_OPTIONS = Symbol('REMOTE_AGENT_FUNDS_OPTIONS');

@Injectable()
export class RemoteAgentFunds implements AgentFunds {
  private readonly logger = new Logger('RemoteAgentFunds');

  constructor(@Inject(REMOTE_AGENT_FUNDS_OPTIONS) private readonly options: RemoteAgentFundsOptions) {}

  async availableMicros(agentId: string): Promise<bigint> {
    const url = new URL(`${AGENT_FUNDS_API_PATH}/${encodeURIComponent(agentId)}/funds`, this.options.baseUrl);
    try {
      const response = await fetch(url, { headers: { authorization: `Bearer ${this.options.apiKey}`, accept: 'application/json' }, signal: AbortSignal.timeout(this.options.timeoutMs ?? 2_000) });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`wallet answered ${response.status}: ${text.slice(0, 300)}`);
      return parseMoney(AgentFundsResponseV1.parse(JSON.parse(text)).available);
    } catch (error) {
      this.logger.warn(`funds of agent ${agentId} not known: ${String(error)}`);
      throw new ProblemException(503, 'wallet-unavailable', "The wallet could not be reached to check the agent's balance; nothing was opened. Try again.", { title: 'Service Unavailable' });
    }
  }
}

/** Provides RemoteAgentFunds app-wide: `AccountsModule.forRoot({ agentFunds: RemoteAgentFunds, ... })`. */
@Global()
@Module({})
export class RemoteAgentFundsModule {
  static forRoot(options: RemoteAgentFundsOptions): DynamicModule {
    return {
      module: RemoteAgentFundsModule,
      providers: [{ provide: REMOTE_AGENT_FUNDS_OPTIONS, useValue: options }, RemoteAgentFunds],
      exports: [RemoteAgentFunds],
    };
  }
}
