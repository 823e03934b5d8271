// Commands a missing feature forbids. FollowMe: nobody may leave it enabled (the switch would
// follow a customer ITC has not given FollowMe) — switching it off stays allowed. CallerIDs: the
// customer's own changes need CallerID self-management; its agent and ITC manage them regardless.
import type { OpenedCustomer } from '../customer/customer.state.js';
import { actorOf } from '../shared/actor.js';
import type { CommandMeta } from '../shared/command-meta.js';
import { featureRejections } from './features.rejections.js';

export function assertFollowMeAllowed(customer: OpenedCustomer, enabled: boolean): void {
  if (enabled && !customer.features.followMe) throw featureRejections.followMeNotAssigned();
}

export function assertCallerIdSelfManagement(customer: OpenedCustomer, meta: CommandMeta): void {
  const actor = actorOf(meta);
  if (actor.role === 'customer' && actor.id === customer.customerId && !customer.features.callerIdSelfManagement) {
    throw featureRejections.callerIdSelfManagementNotAssigned();
  }
}
