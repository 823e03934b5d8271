// The rated cost of a call (SettleHold and ChargeCall in one, see commands.ts). A call that
// happened is a fact: its full cost is charged even when it exceeds the hold or the available
// balance, and a prepaid balance may then go below zero, recorded as such (README.md, "Floors").
// Holds make that rare: the switch cuts the call when the granted amount is used up; what is left
// is rounding up to whole increments and calls that arrive without authorization.
// Idempotent: a call already charged yields no events (see RECENT_CHARGED_CALLS for the bound).
import type { AccountState } from '../accounts/account-state.js';
import type { ChargeCall } from '../commands.js';
import type { CallCharged, HoldSettled } from '../events.js';
import { rejections } from '../rejections.js';
import { checkId } from '../shared/checks.js';
import { auditOf } from '../shared/command-meta.js';
import { existing } from '../shared/require-account.js';

export function decideChargeCall(command: ChargeCall, state: AccountState): (HoldSettled | CallCharged)[] {
  const audit = auditOf(command.meta);
  checkId(command.customerId, 'customerId');
  const callId = checkId(command.callId, 'callId');
  if (command.costMicros < 0n) throw rejections.costNegative();
  // a closed account is still charged: the call may have ended before it was closed
  const customer = existing(state, rejections.customerAccountNotFound);
  if (customer.recentChargedCallIds.includes(callId)) return [];
  const costMicros = command.costMicros;
  const balanceAfterMicros = customer.balanceMicros - costMicros;
  const accountId = customer.accountId as HoldSettled['accountId'];
  const hold = customer.holds.get(callId);
  if (hold !== undefined) {
    return [{ type: 'HoldSettled', accountId, agentId: customer.agentId, callId, heldMicros: hold.grantedMicros, costMicros, balanceAfterMicros, ...audit }];
  }
  // an unanswered call without a hold moves nothing and needs no record
  if (costMicros === 0n) return [];
  return [{ type: 'CallCharged', accountId, agentId: customer.agentId, callId, costMicros, balanceAfterMicros, ...audit }];
}
