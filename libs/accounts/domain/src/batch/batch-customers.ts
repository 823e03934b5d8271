// After BatchOpened the service opens each customer. Deriving the commands from the event (not
// from the request) lets it finish a batch after a crash, and keeps batch and customers equal.
import type { OpenCustomer } from '../customer/customer.commands.js';
import { customerTermsOf } from '../terms/billing-terms.js';
import type { BatchOpened } from './batch.events.js';

export function customerCommandsOfBatch(event: BatchOpened): OpenCustomer[] {
  const terms = customerTermsOf(event);
  return event.customers.map((customer) => ({
    type: 'OpenCustomer',
    customerId: customer.customerId,
    accountNumber: customer.accountNumber,
    agentId: event.agentId,
    profileId: event.profileId,
    batchId: event.batchId,
    ...terms,
    sipUsername: customer.sipUsername,
    sipHa1: customer.sipHa1,
    portalUsername: customer.portalUsername,
    // batch customers get their e-mail later, from the agent or in the portal.
    contactEmail: null,
    initialBalanceSource: event.initialBalanceSource,
    ...(event.features === undefined ? {} : { features: event.features }),
    meta: { actor: event.actor, now: event.occurredAt },
  }));
}
