// The agent's price of a call (what the call costs the customer's agent): the row for the number
// on the sheet ITC assigned to the agent, in the version in force at the call's start. Rating
// keeps the agent's current assignment only, so an assignment (or any agent change) newer than
// the call's start makes the price unknown (null) rather than a guess at the older sheet. An agent
// never changed since its registration has had only this sheet: it prices every call, also one
// that started before the registration (as the customer's first sheet does, directory sheetAt) —
// a setup's first calls, whose CDRs arrive once they end, started before the agent existed.
import { findRate, normaliseDestination, type AgentPrice } from '@billing/rating-domain';
import type { CustomerDirectory, DirectoryAgent } from '../accounts/directory.js';
import type { Tariffs } from '../sheets/tariffs.js';

export interface AgentPriceBatch {
  price(agentId: string, destination: string, startedAt: string): Promise<AgentPrice | null>;
}

export class AgentPricer {
  constructor(
    private readonly directory: CustomerDirectory,
    private readonly tariffs: Tariffs,
  ) {}

  /** Prices for one batch of calls: each agent is looked up once. */
  batch(): AgentPriceBatch {
    const agents = new Map<string, Promise<DirectoryAgent | null>>();
    return {
      price: async (agentId, destination, startedAt) => {
        let agent = agents.get(agentId);
        if (agent === undefined) {
          agent = this.directory.agent(agentId);
          agents.set(agentId, agent);
        }
        return this.priceAt(await agent, destination, startedAt);
      },
    };
  }

  private async priceAt(agent: DirectoryAgent | null, destination: string, startedAt: string): Promise<AgentPrice | null> {
    if (agent === null || (agent.changedAt !== null && Date.parse(agent.changedAt) > Date.parse(startedAt))) return null;
    const number = normaliseDestination(destination);
    if (!number.ok) return null;
    const tariff = await this.tariffs.at(agent.rateSheetId, startedAt);
    const row = tariff === null ? null : findRate(tariff.table, number.digits);
    if (tariff === null || row === null) return null;
    return { sheetId: tariff.sheetId, versionId: tariff.versionId, row, rounding: tariff.table.rounding };
  }
}
