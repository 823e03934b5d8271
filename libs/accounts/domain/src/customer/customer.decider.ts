import type { Decider } from '@billing/decider';
import type { CustomerCommand } from './customer.commands.js';
import { decideCustomer } from './customer.decide.js';
import type { CustomerEvent } from './customer.events.js';
import { evolveCustomer } from './customer.evolve.js';
import { initialCustomerState, type CustomerState } from './customer.state.js';

export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  decide: decideCustomer,
  evolve: evolveCustomer,
  initialState: initialCustomerState,
};

export function customerStreamId(customerId: string): string {
  return `customer-${customerId}`;
}
