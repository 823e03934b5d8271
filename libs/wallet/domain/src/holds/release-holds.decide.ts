// Holds end without a charge when the call never connected (ReleaseHold) or when nobody settled
// them in time (ExpireHolds, with the time passed in). A CDR that arrives after its hold expired
// is still charged (ChargeCall without a hold). Releasing a hold that is not open yields nothing.
import type { AccountState } from '../accounts/account-state.js';
import type { ExpireHolds, ReleaseHold } from '../commands.js';
import type { HoldExpired, HoldReleased } from '../events.js';
import { rejections } from '../rejections.js';
import { checkId } from '../shared/checks.js';
import { auditOf, instantMs } from '../shared/command-meta.js';
import { existing } from '../shared/require-account.js';

export function decideReleaseHold(command: ReleaseHold, state: AccountState): HoldReleased[] {
  const audit = auditOf(command.meta);
  checkId(command.customerId, 'customerId');
  const callId = checkId(command.callId, 'callId');
  const customer = existing(state, rejections.customerAccountNotFound);
  const hold = customer.holds.get(callId);
  if (hold === undefined) return [];
  return [{ type: 'HoldReleased', accountId: customer.accountId as HoldReleased['accountId'], agentId: customer.agentId, callId, heldMicros: hold.grantedMicros, ...audit }];
}

/** Every open hold whose expiresAt ≤ now, in the order they were placed. */
export function decideExpireHolds(command: ExpireHolds, state: AccountState): HoldExpired[] {
  const audit = auditOf(command.meta);
  checkId(command.customerId, 'customerId');
  const customer = existing(state, rejections.customerAccountNotFound);
  const nowMs = instantMs(command.meta.now);
  const expired: HoldExpired[] = [];
  for (const [callId, hold] of customer.holds) {
    if (instantMs(hold.expiresAt) > nowMs) continue;
    expired.push({
      type: 'HoldExpired',
      accountId: customer.accountId as HoldExpired['accountId'],
      agentId: customer.agentId,
      callId,
      heldMicros: hold.grantedMicros,
      expiresAt: hold.expiresAt,
      ...audit,
    });
  }
  return expired;
}
