// What an agent command decides. Repeating a change that is already in effect decides nothing,
// so a retried request is harmless and the audit trail holds only real changes.
// Roles: ITC sets everything; an agent changes only its own contact details (403 otherwise).
import { invariant } from '@billing/decider';
import { rejections } from '../rejections.js';
import { isAgent, isItc } from '../shared/actor.js';
import { auditOf, type CommandMeta } from '../shared/command-meta.js';
import { checkCommission, checkEmail, checkName, checkRateSheetId, checkReason, checkThreshold, checkUsername } from '../shared/checks.js';
import type { AgentCommand, RegisterAgent, UpdateAgentContact } from './agent.commands.js';
import type { AgentEvent } from './agent.events.js';
import type { AgentState, RegisteredAgent } from './agent.state.js';

export function decideAgent(command: AgentCommand, state: AgentState): AgentEvent[] {
  if (command.type === 'UpdateAgentContact') {
    if (!isItc(command.meta) && !isAgent(command.meta, command.agentId)) throw rejections.notThisAgent();
  } else {
    assertItc(command.meta, ITC_ONLY[command.type]);
  }
  switch (command.type) {
    case 'RegisterAgent':
      return register(command, state);
    case 'ChangeAgentCommission': {
      const agent = registered(state, command.agentId);
      const commissionMicroPercent = checkCommission(command.commissionMicroPercent);
      if (commissionMicroPercent === agent.commissionMicroPercent) return [];
      return [
        {
          type: 'AgentCommissionChanged',
          agentId: agent.agentId,
          previousCommissionMicroPercent: agent.commissionMicroPercent,
          commissionMicroPercent,
          ...auditOf(command.meta),
        },
      ];
    }
    case 'ChangeAgentRateSheet': {
      const agent = registered(state, command.agentId);
      const rateSheetId = checkRateSheetId(command.rateSheetId);
      if (rateSheetId === agent.rateSheetId) return [];
      return [{ type: 'AgentRateSheetChanged', agentId: agent.agentId, previousRateSheetId: agent.rateSheetId, rateSheetId, ...auditOf(command.meta) }];
    }
    case 'UpdateAgentContact':
      return updateContact(command, registered(state, command.agentId));
    case 'ChangeAgentLowBalanceThreshold': {
      const agent = registered(state, command.agentId);
      const lowBalanceThresholdMicros = checkThreshold(command.lowBalanceThresholdMicros);
      if (lowBalanceThresholdMicros === agent.lowBalanceThresholdMicros) return [];
      return [
        {
          type: 'AgentLowBalanceThresholdChanged',
          agentId: agent.agentId,
          previousLowBalanceThresholdMicros: agent.lowBalanceThresholdMicros,
          lowBalanceThresholdMicros,
          ...auditOf(command.meta),
        },
      ];
    }
    case 'ChangeAgentMaxCustomerCreditLimit': {
      const agent = registered(state, command.agentId);
      const maxCustomerCreditLimitMicros = checkMaxCustomerCreditLimit(command.maxCustomerCreditLimitMicros);
      if (maxCustomerCreditLimitMicros === agent.maxCustomerCreditLimitMicros) return [];
      return [
        {
          type: 'AgentMaxCustomerCreditLimitChanged',
          agentId: agent.agentId,
          previousMaxCustomerCreditLimitMicros: agent.maxCustomerCreditLimitMicros,
          maxCustomerCreditLimitMicros,
          ...auditOf(command.meta),
        },
      ];
    }
    case 'ChangeAgentMaxTotalCustomerCredit': {
      const agent = registered(state, command.agentId);
      const maxTotalCustomerCreditMicros = checkMaxTotalCustomerCredit(command.maxTotalCustomerCreditMicros);
      if (maxTotalCustomerCreditMicros === agent.maxTotalCustomerCreditMicros) return [];
      return [
        {
          type: 'AgentMaxTotalCustomerCreditChanged',
          agentId: agent.agentId,
          previousMaxTotalCustomerCreditMicros: agent.maxTotalCustomerCreditMicros,
          maxTotalCustomerCreditMicros,
          ...auditOf(command.meta),
        },
      ];
    }
    case 'ChangeAgentCallerIdPolicy': {
      const agent = registered(state, command.agentId);
      if (command.customersMayAddCallerIds === agent.customersMayAddCallerIds) return [];
      return [{ type: 'AgentCallerIdPolicyChanged', agentId: agent.agentId, customersMayAddCallerIds: command.customersMayAddCallerIds, ...auditOf(command.meta) }];
    }
    case 'SuspendAgent': {
      const agent = registered(state, command.agentId);
      const reason = checkReason(command.reason);
      if (agent.status === 'suspended') return [];
      return [{ type: 'AgentSuspended', agentId: agent.agentId, reason, ...auditOf(command.meta) }];
    }
    case 'ReactivateAgent': {
      const agent = registered(state, command.agentId);
      if (agent.status === 'active') return [];
      return [{ type: 'AgentReactivated', agentId: agent.agentId, ...auditOf(command.meta) }];
    }
  }
}

function register(command: RegisterAgent, state: AgentState): AgentEvent[] {
  const audit = auditOf(command.meta);
  const registration = {
    agentId: command.agentId,
    name: checkName(command.name),
    contactEmail: checkEmail(command.contactEmail),
    commissionMicroPercent: checkCommission(command.commissionMicroPercent),
    rateSheetId: checkRateSheetId(command.rateSheetId),
    lowBalanceThresholdMicros: checkThreshold(command.lowBalanceThresholdMicros),
    username: checkUsername(command.username),
    maxCustomerCreditLimitMicros: checkMaxCustomerCreditLimit(command.maxCustomerCreditLimitMicros),
    maxTotalCustomerCreditMicros: checkMaxTotalCustomerCredit(command.maxTotalCustomerCreditMicros),
    customersMayAddCallerIds: command.customersMayAddCallerIds,
  };
  if (state.status !== 'unregistered') {
    // the same registration again is a retried request; anything else is a conflict.
    const same = (Object.keys(registration) as (keyof typeof registration)[]).every((key) => registration[key] === state[key]);
    if (same) return [];
    throw rejections.agentExists();
  }
  return [{ type: 'AgentRegistered', ...registration, ...audit }];
}

function updateContact(command: UpdateAgentContact, agent: RegisteredAgent): AgentEvent[] {
  const name = command.name === undefined ? agent.name : checkName(command.name);
  const contactEmail = command.contactEmail === undefined ? agent.contactEmail : checkEmail(command.contactEmail);
  if (name === agent.name && contactEmail === agent.contactEmail) return [];
  return [{ type: 'AgentContactUpdated', agentId: agent.agentId, name, contactEmail, ...auditOf(command.meta) }];
}

/** What each ITC-only command sets, for the 403's message. */
const ITC_ONLY: Record<Exclude<AgentCommand['type'], 'UpdateAgentContact'>, string> = {
  RegisterAgent: 'an agent registration',
  ChangeAgentCommission: "an agent's commission",
  ChangeAgentRateSheet: "an agent's rate sheet",
  ChangeAgentLowBalanceThreshold: "an agent's low-balance threshold",
  ChangeAgentMaxCustomerCreditLimit: "an agent's maximum customer credit limit",
  ChangeAgentMaxTotalCustomerCredit: "an agent's maximum total customer credit",
  ChangeAgentCallerIdPolicy: "an agent's CallerID policy",
  SuspendAgent: "an agent's status",
  ReactivateAgent: "an agent's status",
};

function assertItc(meta: CommandMeta, what: string): void {
  if (!isItc(meta)) throw rejections.itcOnly(what);
}

function checkMaxCustomerCreditLimit(micros: bigint): bigint {
  if (micros < 0n) throw rejections.invalidMaxCustomerCreditLimit();
  return micros;
}

function checkMaxTotalCustomerCredit(micros: bigint): bigint {
  if (micros < 0n) throw rejections.invalidMaxTotalCustomerCredit();
  return micros;
}

function registered(state: AgentState, agentId: string): RegisteredAgent {
  if (state.status === 'unregistered') throw rejections.agentNotFound();
  invariant(state.agentId === agentId, `a command for agent ${agentId} was decided on agent ${state.agentId}`);
  return state;
}
