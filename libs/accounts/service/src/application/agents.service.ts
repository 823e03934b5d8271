// Agents: registered by ITC with a portal login; commission, rate sheet, contact and threshold
// change later, each change an event with its actor and time (the audit trail).
import { agentDecider, agentStreamId, rejections, type AgentCommand, type AgentEvent } from '@billing/accounts-domain';
import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import { AccountsCommitter } from '../infrastructure/committer.js';
import { AgentsQueries } from '../queries/agents.queries.js';
import type { AgentRow } from '../queries/rows.js';
import { commandMeta, eventMetadata, type CommandContext } from './command-context.js';
import { decideAll } from './decide-all.js';
import { PortalLogins } from './portal-logins.js';
import { RateSheetCheck } from './rate-sheet-check.js';
import { chosenUsername } from './usernames.js';

export interface RegisterAgentInput {
  agentId: string;
  name: string;
  contactEmail: string;
  commissionMicroPercent: bigint;
  rateSheetId: string;
  lowBalanceThresholdMicros: bigint;
  username: string;
  password: string;
  maxCustomerCreditLimitMicros: bigint;
  maxTotalCustomerCreditMicros: bigint;
  customersMayAddCallerIds: boolean;
}

/** Absent fields stay as they are. */
export interface AgentChanges {
  name?: string;
  contactEmail?: string;
  commissionMicroPercent?: bigint;
  rateSheetId?: string;
  lowBalanceThresholdMicros?: bigint;
  maxCustomerCreditLimitMicros?: bigint;
  maxTotalCustomerCreditMicros?: bigint;
  customersMayAddCallerIds?: boolean;
}

@Injectable()
export class AgentsService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
    @Inject(AccountsCommitter) private readonly committer: AccountsCommitter,
    @Inject(AgentsQueries) private readonly agents: AgentsQueries,
    @Inject(PortalLogins) private readonly logins: PortalLogins,
    @Inject(RateSheetCheck) private readonly sheets: RateSheetCheck,
  ) {}

  async register(context: CommandContext, input: RegisterAgentInput): Promise<AgentRow> {
    const username = chosenUsername(input.username);
    await this.logins.assertAvailable(username, 'agent', input.agentId);
    // before the agent is registered: a weak password must not leave an agent without a login
    this.logins.assertAcceptablePassword(input.password);
    await this.sheets.assertExists(input.rateSheetId);
    const { password, ...registration } = input;
    const command: AgentCommand = { type: 'RegisterAgent', ...registration, username, meta: commandMeta(context, this.options.clock()) };
    await this.decide(context, input.agentId, [command]);
    await this.logins.create({ username, password, role: 'agent', subjectId: input.agentId });
    return this.current(input.agentId);
  }

  async change(context: CommandContext, agentId: string, changes: AgentChanges): Promise<AgentRow> {
    await this.sheets.assertExists(changes.rateSheetId);
    const meta = commandMeta(context, this.options.clock());
    const commands: AgentCommand[] = [];
    if (changes.commissionMicroPercent !== undefined) commands.push({ type: 'ChangeAgentCommission', agentId, commissionMicroPercent: changes.commissionMicroPercent, meta });
    if (changes.rateSheetId !== undefined) commands.push({ type: 'ChangeAgentRateSheet', agentId, rateSheetId: changes.rateSheetId, meta });
    if (changes.name !== undefined || changes.contactEmail !== undefined) {
      commands.push({ type: 'UpdateAgentContact', agentId, name: changes.name, contactEmail: changes.contactEmail, meta });
    }
    if (changes.lowBalanceThresholdMicros !== undefined) {
      commands.push({ type: 'ChangeAgentLowBalanceThreshold', agentId, lowBalanceThresholdMicros: changes.lowBalanceThresholdMicros, meta });
    }
    if (changes.maxCustomerCreditLimitMicros !== undefined) {
      commands.push({ type: 'ChangeAgentMaxCustomerCreditLimit', agentId, maxCustomerCreditLimitMicros: changes.maxCustomerCreditLimitMicros, meta });
    }
    if (changes.maxTotalCustomerCreditMicros !== undefined) {
      commands.push({ type: 'ChangeAgentMaxTotalCustomerCredit', agentId, maxTotalCustomerCreditMicros: changes.maxTotalCustomerCreditMicros, meta });
    }
    if (changes.customersMayAddCallerIds !== undefined) {
      commands.push({ type: 'ChangeAgentCallerIdPolicy', agentId, customersMayAddCallerIds: changes.customersMayAddCallerIds, meta });
    }
    await this.decide(context, agentId, commands);
    return this.current(agentId);
  }

  async suspend(context: CommandContext, agentId: string, reason: string | null): Promise<AgentRow> {
    await this.decide(context, agentId, [{ type: 'SuspendAgent', agentId, reason, meta: commandMeta(context, this.options.clock()) }]);
    return this.current(agentId);
  }

  async reactivate(context: CommandContext, agentId: string): Promise<AgentRow> {
    await this.decide(context, agentId, [{ type: 'ReactivateAgent', agentId, meta: commandMeta(context, this.options.clock()) }]);
    return this.current(agentId);
  }

  /** The agent's events from `fromVersion` (its audit trail), at most `maxCount`. */
  async history(agentId: string, fromVersion: number, maxCount: number): Promise<{ version: number; event: AgentEvent }[]> {
    const events = await this.aggregates.events(agentStreamId(agentId), fromVersion, maxCount);
    return events as { version: number; event: AgentEvent }[];
  }

  private async decide(context: CommandContext, agentId: string, commands: AgentCommand[]): Promise<void> {
    await this.committer.commit(async () => {
      const agent = await this.aggregates.agent(agentId);
      return [{ streamId: agent.streamId, expectedVersion: agent.expectedVersion, events: decideAll(agentDecider, agent.state, commands) }];
    }, eventMetadata(context));
  }

  private async current(agentId: string): Promise<AgentRow> {
    const agent = await this.agents.get(agentId);
    if (agent === undefined) throw rejections.agentNotFound();
    return agent;
  }
}
