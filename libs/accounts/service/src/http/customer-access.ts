// "An agent sees and touches only its own customers; a customer only itself; anything else is
// 404" (docs/API.md), for every customer route.
import { assertVisible, type Principal } from '@billing/gateway';
import type { CustomerRow } from '../queries/rows.js';

export function visibleCustomer(user: Principal, customer: CustomerRow | undefined): CustomerRow {
  return assertVisible(user, customer, (c) => ({ agentId: c.agentId ?? undefined, customerId: c.customerId }), 'customer');
}
