import { invariant } from '@billing/decider';
import { rejections } from '../../rejections.js';
import { auditOf } from '../../shared/command-meta.js';
import { checkEmail } from '../../shared/checks.js';
import { checkCredentials } from '../customer-credentials.js';
import { checkCustomerTerms } from '../customer-terms-check.js';
import { openingFeatures } from '../../features/features.decide.js';
import type { OpenCustomer } from '../customer.commands.js';
import type { CustomerEvent, CustomerOpened } from '../customer.events.js';
import type { CustomerState } from '../customer.state.js';

export function openCustomer(command: OpenCustomer, state: CustomerState): CustomerEvent[] {
  const audit = auditOf(command.meta);
  for (const id of [command.customerId, command.agentId, command.profileId, command.batchId]) {
    invariant(id === null || id.trim() !== '', 'customer, agent, profile and batch ids must be ids or null');
  }
  if (command.initialBalanceSource === 'agent' && command.agentId === null) throw rejections.agentFundingWithoutAgent();
  const opening: Omit<CustomerOpened, 'type' | 'actor' | 'occurredAt'> = {
    customerId: command.customerId,
    agentId: command.agentId,
    profileId: command.profileId,
    batchId: command.batchId,
    ...checkCustomerTerms(command),
    initialBalanceSource: command.initialBalanceSource,
    ...checkCredentials(command),
    contactEmail: command.contactEmail === null ? null : checkEmail(command.contactEmail),
    lowBalanceEmailEnabled: true,
    ...(command.features === undefined ? {} : { features: openingFeatures(command.features) }),
  };
  if (state.status !== 'none') {
    // Same account number, SIP user, login and agent = the same opening retried (ids are
    // generated per request), whatever changed since; anything else under this id is a conflict.
    const retried =
      state.accountNumber === opening.accountNumber &&
      state.sipUsername === opening.sipUsername &&
      state.portalUsername === opening.portalUsername &&
      state.agentId === opening.agentId;
    if (retried) return [];
    throw rejections.customerExists();
  }
  return [{ type: 'CustomerOpened', ...opening, ...audit }];
}
