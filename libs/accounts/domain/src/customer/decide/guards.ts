import { invariant } from '@billing/decider';
import { rejections } from '../../rejections.js';
import type { CustomerState, OpenedCustomer } from '../customer.state.js';

export function opened(state: CustomerState, customerId: string): OpenedCustomer {
  if (state.status === 'none') throw rejections.customerNotFound();
  invariant(state.customerId === customerId, `a command for customer ${customerId} was decided on customer ${state.customerId}`);
  return state;
}

/** Opened and not closed: closed is terminal, nothing about it changes any more. */
export function changeable(state: CustomerState, customerId: string): OpenedCustomer {
  const customer = opened(state, customerId);
  if (customer.status === 'closed') throw rejections.customerClosed();
  return customer;
}
