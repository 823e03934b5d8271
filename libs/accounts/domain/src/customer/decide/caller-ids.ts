// CallerIDs are stored in E.164. A number goes to the switch only once ITC or the customer's agent
// vouches for it: added by them it is approved at once, added by the customer it waits (pending)
// for their approval — otherwise a customer could present any number (spoofing). Approved
// numbers: the first becomes the default; removing the default hands it to the oldest remaining
// approved number, and it is null only when no number is approved. Pending numbers count towards
// the cap of 10.
// Who may add a number, in the order checked (two switches, both ITC's, distinct codes):
//  1. only ITC, the customer's agent or the customer itself (else caller_id_approval_not_allowed);
//  2. the customer's PBX feature callerIdSelfManagement (per customer) says whether the customer
//     manages its CallerIDs at all — add, remove, default (else
//     feature_caller_id_self_management_not_assigned);
//  3. the agent's customersMayAddCallerIds (one setting for all of the agent's customers) says
//     whether, given the feature, a customer may still *add* numbers, pending approval (else
//     caller_id_self_service_disabled); it does not restrict remove or default.
// A customer adds a number only when both allow it; ITC and the agent are bound by neither.
import { rejections } from '../../rejections.js';
import { actorOf, isAgent, isItc } from '../../shared/actor.js';
import { auditOf, type CommandMeta } from '../../shared/command-meta.js';
import { MAX_CALLER_IDS } from '../../shared/limits.js';
import { normaliseE164 } from '../../validation/e164.js';
import type { AddCallerId, ApproveCallerId, ChooseDefaultCallerId, RejectCallerId, RemoveCallerId } from '../customer.commands.js';
import type { CustomerEvent } from '../customer.events.js';
import type { CustomerState, OpenedCustomer } from '../customer.state.js';
import { changeable } from './guards.js';
import { assertCallerIdSelfManagement } from '../../features/features.gates.js';

export function addCallerId(command: AddCallerId, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  const approver = isApprover(command.meta, customer);
  if (!approver && !isCustomerItself(command.meta, customer)) throw rejections.callerIdApprovalNotAllowed();
  assertCallerIdSelfManagement(customer, command.meta);
  if (!approver && !command.customersMayAddCallerIds) throw rejections.callerIdSelfServiceDisabled();
  const callerId = checkCallerId(command.callerId);
  if (customer.callerIds.includes(callerId)) return [];
  if (customer.pendingCallerIds.includes(callerId)) return approver ? approved(customer, callerId, command.meta) : [];
  if (customer.callerIds.length + customer.pendingCallerIds.length >= MAX_CALLER_IDS) throw rejections.callerIdsFull();
  const audit = auditOf(command.meta);
  if (!approver) {
    return [{ type: 'CallerIdRequested', customerId: customer.customerId, callerId, pendingCallerIds: [...customer.pendingCallerIds, callerId], ...audit }];
  }
  return [
    {
      type: 'CallerIdAdded',
      customerId: customer.customerId,
      callerId,
      callerIds: [...customer.callerIds, callerId],
      defaultCallerId: customer.defaultCallerId ?? callerId,
      ...audit,
    },
  ];
}

export function approveCallerId(command: ApproveCallerId, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  if (!isApprover(command.meta, customer)) throw rejections.callerIdApprovalNotAllowed();
  const callerId = checkCallerId(command.callerId);
  if (customer.callerIds.includes(callerId)) return []; // approved already: a retry
  if (!customer.pendingCallerIds.includes(callerId)) throw rejections.callerIdNotPending();
  return approved(customer, callerId, command.meta);
}

export function rejectCallerId(command: RejectCallerId, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  if (!isApprover(command.meta, customer)) throw rejections.callerIdApprovalNotAllowed();
  const callerId = checkCallerId(command.callerId);
  if (customer.callerIds.includes(callerId)) throw rejections.callerIdAlreadyApproved();
  if (!customer.pendingCallerIds.includes(callerId)) return []; // rejected already (or never asked): nothing waits
  return [rejected(customer, callerId, command.meta)];
}

/** Removes an approved number, or withdraws a pending one. */
export function removeCallerId(command: RemoveCallerId, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  assertCallerIdSelfManagement(customer, command.meta);
  const callerId = checkCallerId(command.callerId);
  if (customer.pendingCallerIds.includes(callerId)) return [rejected(customer, callerId, command.meta)];
  if (!customer.callerIds.includes(callerId)) return [];
  const callerIds = customer.callerIds.filter((number) => number !== callerId);
  const defaultCallerId = customer.defaultCallerId === callerId ? (callerIds[0] ?? null) : customer.defaultCallerId;
  return [{ type: 'CallerIdRemoved', customerId: customer.customerId, callerId, callerIds, defaultCallerId, ...auditOf(command.meta) }];
}

export function chooseDefaultCallerId(command: ChooseDefaultCallerId, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  assertCallerIdSelfManagement(customer, command.meta);
  const callerId = checkCallerId(command.callerId);
  if (customer.pendingCallerIds.includes(callerId)) throw rejections.callerIdNotApproved();
  if (!customer.callerIds.includes(callerId)) throw rejections.callerIdNotFound();
  if (customer.defaultCallerId === callerId) return [];
  return [
    {
      type: 'DefaultCallerIdChosen',
      customerId: customer.customerId,
      callerIds: [...customer.callerIds],
      defaultCallerId: callerId,
      ...auditOf(command.meta),
    },
  ];
}

function approved(customer: OpenedCustomer, callerId: string, meta: CommandMeta): CustomerEvent[] {
  return [
    {
      type: 'CallerIdApproved',
      customerId: customer.customerId,
      callerId,
      callerIds: [...customer.callerIds, callerId],
      defaultCallerId: customer.defaultCallerId ?? callerId,
      pendingCallerIds: customer.pendingCallerIds.filter((number) => number !== callerId),
      ...auditOf(meta),
    },
  ];
}

function rejected(customer: OpenedCustomer, callerId: string, meta: CommandMeta): CustomerEvent {
  return {
    type: 'CallerIdRejected',
    customerId: customer.customerId,
    callerId,
    pendingCallerIds: customer.pendingCallerIds.filter((number) => number !== callerId),
    ...auditOf(meta),
  };
}

/** ITC, or the agent the customer belongs to. */
function isApprover(meta: CommandMeta, customer: OpenedCustomer): boolean {
  return isItc(meta) || (customer.agentId !== null && isAgent(meta, customer.agentId));
}

function isCustomerItself(meta: CommandMeta, customer: OpenedCustomer): boolean {
  const actor = actorOf(meta);
  return actor.role === 'customer' && actor.id === customer.customerId;
}

function checkCallerId(input: string): string {
  const callerId = normaliseE164(input);
  if (callerId === null) throw rejections.invalidCallerId();
  return callerId;
}
