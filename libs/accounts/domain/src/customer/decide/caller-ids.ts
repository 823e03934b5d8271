// CallerIDs are stored in E.164. The first number added becomes the default; removing the
// default hands it to the oldest remaining number (the customer keeps presenting a number it
// owns rather than none), and it is null only when the list is empty.
import { rejections } from '../../rejections.js';
import { auditOf } from '../../shared/command-meta.js';
import { MAX_CALLER_IDS } from '../../shared/limits.js';
import { normaliseE164 } from '../../validation/e164.js';
import type { AddCallerId, ChooseDefaultCallerId, RemoveCallerId } from '../customer.commands.js';
import type { CustomerEvent } from '../customer.events.js';
import type { CustomerState } from '../customer.state.js';
import { changeable } from './guards.js';

export function addCallerId(command: AddCallerId, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  const callerId = checkCallerId(command.callerId);
  if (customer.callerIds.includes(callerId)) return [];
  if (customer.callerIds.length >= MAX_CALLER_IDS) throw rejections.callerIdsFull();
  return [
    {
      type: 'CallerIdAdded',
      customerId: customer.customerId,
      callerId,
      callerIds: [...customer.callerIds, callerId],
      defaultCallerId: customer.defaultCallerId ?? callerId,
      ...auditOf(command.meta),
    },
  ];
}

export function removeCallerId(command: RemoveCallerId, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  const callerId = checkCallerId(command.callerId);
  if (!customer.callerIds.includes(callerId)) return [];
  const callerIds = customer.callerIds.filter((number) => number !== callerId);
  const defaultCallerId = customer.defaultCallerId === callerId ? (callerIds[0] ?? null) : customer.defaultCallerId;
  return [{ type: 'CallerIdRemoved', customerId: customer.customerId, callerId, callerIds, defaultCallerId, ...auditOf(command.meta) }];
}

export function chooseDefaultCallerId(command: ChooseDefaultCallerId, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  const callerId = checkCallerId(command.callerId);
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

function checkCallerId(input: string): string {
  const callerId = normaliseE164(input);
  if (callerId === null) throw rejections.invalidCallerId();
  return callerId;
}
