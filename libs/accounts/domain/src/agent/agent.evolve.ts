// Folds agent events into state. Events are facts: one that breaks a rule is a bug (assert, never clamp).
import { invariant } from '@billing/decider';
import { isCommissionInRange } from '../shared/checks.js';
import { normaliseUsername } from '../validation/credentials.js';
import { normaliseEmail } from '../validation/email.js';
import type { AgentEvent } from './agent.events.js';
import type { AgentState, RegisteredAgent } from './agent.state.js';

export function evolveAgent(state: AgentState, event: AgentEvent): AgentState {
  switch (event.type) {
    case 'AgentRegistered': {
      invariant(state.status === 'unregistered', `agent ${event.agentId} registered twice`);
      invariant(isCommissionInRange(event.commissionMicroPercent), `agent ${event.agentId}: commission out of range`);
      invariant(event.lowBalanceThresholdMicros >= 0n, `agent ${event.agentId}: negative low-balance threshold`);
      invariant(normaliseEmail(event.contactEmail) === event.contactEmail, `agent ${event.agentId}: contact e-mail not normalised`);
      invariant(normaliseUsername(event.username) === event.username, `agent ${event.agentId}: username not normalised`);
      invariant(event.maxCustomerCreditLimitMicros >= 0n, `agent ${event.agentId}: negative maximum customer credit limit`);
      invariant(event.maxTotalCustomerCreditMicros >= 0n, `agent ${event.agentId}: negative maximum total customer credit`);
      const { type: _type, actor: _actor, occurredAt: _occurredAt, ...agent } = event;
      return { status: 'active', ...agent };
    }
    case 'AgentCommissionChanged': {
      const agent = existing(state, event);
      invariant(event.previousCommissionMicroPercent === agent.commissionMicroPercent, `agent ${agent.agentId}: commission history out of order`);
      invariant(isCommissionInRange(event.commissionMicroPercent), `agent ${agent.agentId}: commission out of range`);
      return { ...agent, commissionMicroPercent: event.commissionMicroPercent };
    }
    case 'AgentRateSheetChanged': {
      const agent = existing(state, event);
      invariant(event.previousRateSheetId === agent.rateSheetId, `agent ${agent.agentId}: rate sheet history out of order`);
      return { ...agent, rateSheetId: event.rateSheetId };
    }
    case 'AgentContactUpdated': {
      const agent = existing(state, event);
      invariant(normaliseEmail(event.contactEmail) === event.contactEmail, `agent ${agent.agentId}: contact e-mail not normalised`);
      return { ...agent, name: event.name, contactEmail: event.contactEmail };
    }
    case 'AgentLowBalanceThresholdChanged': {
      const agent = existing(state, event);
      invariant(event.previousLowBalanceThresholdMicros === agent.lowBalanceThresholdMicros, `agent ${agent.agentId}: threshold history out of order`);
      invariant(event.lowBalanceThresholdMicros >= 0n, `agent ${agent.agentId}: negative low-balance threshold`);
      return { ...agent, lowBalanceThresholdMicros: event.lowBalanceThresholdMicros };
    }
    case 'AgentMaxCustomerCreditLimitChanged': {
      const agent = existing(state, event);
      invariant(event.previousMaxCustomerCreditLimitMicros === agent.maxCustomerCreditLimitMicros, `agent ${agent.agentId}: credit limit history out of order`);
      invariant(event.maxCustomerCreditLimitMicros >= 0n, `agent ${agent.agentId}: negative maximum customer credit limit`);
      return { ...agent, maxCustomerCreditLimitMicros: event.maxCustomerCreditLimitMicros };
    }
    case 'AgentMaxTotalCustomerCreditChanged': {
      const agent = existing(state, event);
      invariant(event.previousMaxTotalCustomerCreditMicros === agent.maxTotalCustomerCreditMicros, `agent ${agent.agentId}: total credit history out of order`);
      invariant(event.maxTotalCustomerCreditMicros >= 0n, `agent ${agent.agentId}: negative maximum total customer credit`);
      return { ...agent, maxTotalCustomerCreditMicros: event.maxTotalCustomerCreditMicros };
    }
    case 'AgentCallerIdPolicyChanged':
      return { ...existing(state, event), customersMayAddCallerIds: event.customersMayAddCallerIds };
    case 'AgentSuspended': {
      const agent = existing(state, event);
      invariant(agent.status === 'active', `agent ${agent.agentId} suspended while not active`);
      return { ...agent, status: 'suspended' };
    }
    case 'AgentReactivated': {
      const agent = existing(state, event);
      invariant(agent.status === 'suspended', `agent ${agent.agentId} reactivated while not suspended`);
      return { ...agent, status: 'active' };
    }
  }
}

function existing(state: AgentState, event: AgentEvent): RegisteredAgent {
  invariant(state.status !== 'unregistered', `${event.type} before AgentRegistered for agent ${event.agentId}`);
  invariant(state.agentId === event.agentId, `${event.type} of agent ${event.agentId} folded into agent ${state.agentId}`);
  return state;
}
