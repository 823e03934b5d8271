// active ⇄ suspended → closed (terminal). Repeating the current status decides nothing.
import { rejections } from '../../rejections.js';
import { auditOf } from '../../shared/command-meta.js';
import { checkReason } from '../../shared/checks.js';
import type { CloseCustomer, ReactivateCustomer, SuspendCustomer } from '../customer.commands.js';
import type { CustomerEvent } from '../customer.events.js';
import type { CustomerState } from '../customer.state.js';
import { changeable, opened } from './guards.js';

export function suspendCustomer(command: SuspendCustomer, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  const reason = checkReason(command.reason);
  if (customer.status === 'suspended') return [];
  return [{ type: 'CustomerSuspended', customerId: customer.customerId, reason, ...auditOf(command.meta) }];
}

export function reactivateCustomer(command: ReactivateCustomer, state: CustomerState): CustomerEvent[] {
  const customer = opened(state, command.customerId);
  if (customer.status === 'closed') throw rejections.closedCannotBeReactivated();
  if (customer.status === 'active') return [];
  return [{ type: 'CustomerReactivated', customerId: customer.customerId, ...auditOf(command.meta) }];
}

export function closeCustomer(command: CloseCustomer, state: CustomerState): CustomerEvent[] {
  const customer = opened(state, command.customerId);
  const reason = checkReason(command.reason);
  if (customer.status === 'closed') return [];
  return [{ type: 'CustomerClosed', customerId: customer.customerId, reason, ...auditOf(command.meta) }];
}
