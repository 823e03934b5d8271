// An agent's audit trail: its events as "who changed what, when", money and percent as strings.
import type { AgentEvent } from '@billing/accounts-domain';
import { formatMoney, formatPercent } from '@billing/money';
import { z } from 'zod';

export const AgentAuditEntry = z.object({
  version: z.number().int().meta({ description: 'position in the agent\'s history (0 = registration)' }),
  type: z.string().meta({ examples: ['AgentCommissionChanged'] }),
  actor: z.string().meta({ examples: ['admin:admin'] }),
  occurredAt: z.string(),
  changes: z.record(z.string(), z.unknown()).meta({ description: 'changed fields; {from, to} where the previous value is known' }),
});
export type AgentAuditEntry = z.infer<typeof AgentAuditEntry>;

export function agentAuditEntry(version: number, event: AgentEvent): AgentAuditEntry {
  return { version, type: event.type, actor: event.actor, occurredAt: event.occurredAt, changes: changesOf(event) };
}

function changesOf(event: AgentEvent): Record<string, unknown> {
  switch (event.type) {
    case 'AgentRegistered':
      return {
        name: event.name,
        contactEmail: event.contactEmail,
        commissionPercent: formatPercent(event.commissionMicroPercent),
        rateSheetId: event.rateSheetId,
        lowBalanceThreshold: formatMoney(event.lowBalanceThresholdMicros),
        username: event.username,
        maxCustomerCreditLimit: formatMoney(event.maxCustomerCreditLimitMicros),
        maxTotalCustomerCredit: formatMoney(event.maxTotalCustomerCreditMicros),
        customersMayAddCallerIds: event.customersMayAddCallerIds,
      };
    case 'AgentCommissionChanged':
      return { commissionPercent: { from: formatPercent(event.previousCommissionMicroPercent), to: formatPercent(event.commissionMicroPercent) } };
    case 'AgentRateSheetChanged':
      return { rateSheetId: { from: event.previousRateSheetId, to: event.rateSheetId } };
    case 'AgentContactUpdated':
      return { name: event.name, contactEmail: event.contactEmail };
    case 'AgentLowBalanceThresholdChanged':
      return { lowBalanceThreshold: { from: formatMoney(event.previousLowBalanceThresholdMicros), to: formatMoney(event.lowBalanceThresholdMicros) } };
    case 'AgentMaxCustomerCreditLimitChanged':
      return { maxCustomerCreditLimit: { from: formatMoney(event.previousMaxCustomerCreditLimitMicros), to: formatMoney(event.maxCustomerCreditLimitMicros) } };
    case 'AgentMaxTotalCustomerCreditChanged':
      return { maxTotalCustomerCredit: { from: formatMoney(event.previousMaxTotalCustomerCreditMicros), to: formatMoney(event.maxTotalCustomerCreditMicros) } };
    case 'AgentCallerIdPolicyChanged':
      return { customersMayAddCallerIds: { from: !event.customersMayAddCallerIds, to: event.customersMayAddCallerIds } };
    case 'AgentSuspended':
      return { status: 'suspended', reason: event.reason };
    case 'AgentReactivated':
      return { status: 'active' };
  }
}
