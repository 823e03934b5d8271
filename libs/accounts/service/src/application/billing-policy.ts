// The service side of the domain's agent billing policy (checkAgentBillingPolicy): loads the agent
// whose customers get the terms and asks rating (the RateSheetCatalog port) where a named sheet
// comes from, then lets the pure rule decide. Every path that sets a customer's rate sheet or
// credit limit goes through here: an agent's profiles, its openings, PATCH /customers/{id}.
// ITC is not checked (full freedom). Without a catalog (accounts alone, its own tests) sheets
// are not checked, credit limits always are.
import { checkAgentBillingPolicy, type AgentState, type RateSheetFacts } from '@billing/accounts-domain';
import type { Principal } from '@billing/gateway';
import { parsePercent } from '@billing/money';
import { Inject, Injectable } from '@nestjs/common';
import { RATE_SHEETS, type RateSheetCatalog } from '../accounts.options.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import { actorOf } from './command-context.js';

/** Any markup rating may report, a negative one included: the domain rule refuses it, not the parser. */
const MARKUP_BOUNDS = { min: -(10n ** 24n), max: 10n ** 24n };

export interface GrantedTerms {
  /** the sheet named; null/undefined = none (the agent's own applies) or not changed. */
  rateSheetId?: string | null;
  /** the postpaid credit limit granted; null/undefined = none or not changed. */
  creditLimitMicros?: bigint | null;
}

@Injectable()
export class BillingPolicy {
  constructor(
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
    @Inject(RATE_SHEETS) private readonly catalog: RateSheetCatalog | null,
  ) {}

  /** For the customers of `agentId` (null = ITC-direct), loading the agent. */
  async check(principal: Principal, agentId: string | null, terms: GrantedTerms): Promise<void> {
    if (isItc(principal)) return;
    const agent = agentId === null ? null : (await this.aggregates.agent(agentId)).state;
    await this.checkWith(principal, agent, terms);
  }

  /** The same with the agent's state already loaded (an opening resolves it anyway). */
  async checkWith(principal: Principal, agent: AgentState | null, terms: GrantedTerms): Promise<void> {
    if (isItc(principal)) return;
    const rateSheet = await this.facts(terms.rateSheetId, agent);
    checkAgentBillingPolicy({ meta: { actor: actorOf(principal) }, agent, rateSheet, creditLimitMicros: terms.creditLimitMicros ?? null });
  }

  /** What rating says about the sheet; null when none is named, it is the agent's own, or there is no catalog. */
  private async facts(sheetId: string | null | undefined, agent: AgentState | null): Promise<RateSheetFacts | null> {
    if (sheetId === null || sheetId === undefined || this.catalog === null) return null;
    if (agent !== null && agent.status !== 'unregistered' && agent.rateSheetId === sheetId) return null; // assigned by ITC: nothing to ask
    const info = await this.catalog.info(sheetId);
    return {
      sheetId,
      exists: info.exists,
      parentSheetId: info.parentSheetId,
      markupMicroPercent: info.markupPercent === null ? null : parsePercent(info.markupPercent, 'markupPercent', MARKUP_BOUNDS),
      ownerAgentId: info.ownerAgentId,
    };
  }
}

function isItc(principal: Principal): boolean {
  return principal.role === 'admin';
}
