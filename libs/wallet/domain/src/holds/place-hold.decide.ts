// Call authorization (docs/rating.md): a hold grants min(requested, available), where available is
// balance − holds (+ credit limit for postpaid). Nothing available = rejected with the reason
// (rating answers maxDurationSeconds 0). Because every hold is decided on the account's latest
// version and appended with that expected version, two concurrent calls cannot both spend the
// same money: the second one is decided again on a state that includes the first hold.
import { minMicros } from '@billing/money';
import { availableMicros, debtMicros, type AccountState } from '../accounts/account-state.js';
import type { PlaceHold } from '../commands.js';
import type { HoldPlaced } from '../events.js';
import { rejections } from '../rejections.js';
import { checkId } from '../shared/checks.js';
import { auditOf, instantMs, isIsoInstant } from '../shared/command-meta.js';
import { existing, requireOpen } from '../shared/require-account.js';

export function decidePlaceHold(command: PlaceHold, state: AccountState): HoldPlaced[] {
  const audit = auditOf(command.meta);
  checkId(command.customerId, 'customerId');
  const callId = checkId(command.callId, 'callId');
  if (command.requestedMicros <= 0n) throw rejections.amountNotPositive();
  if (!isIsoInstant(command.expiresAt) || instantMs(command.expiresAt) <= instantMs(command.meta.now)) throw rejections.invalidExpiry();
  const customer = existing(state, rejections.customerAccountNotFound);
  // the same call authorized again while its hold is open: the hold already answers it
  if (customer.holds.has(callId)) return [];
  if (customer.recentChargedCallIds.includes(callId)) throw rejections.callAlreadyCharged();
  requireOpen(customer, rejections.customerAccountClosed);
  // a call already charged beyond the floor is a debt: no new call until a deposit covers it
  if (debtMicros(customer) > 0n) throw rejections.customerInDebt();
  const available = availableMicros(customer);
  if (available <= 0n) throw rejections.insufficientCustomerBalance(available);
  return [
    {
      type: 'HoldPlaced',
      accountId: customer.accountId as HoldPlaced['accountId'],
      agentId: customer.agentId,
      callId,
      requestedMicros: command.requestedMicros,
      grantedMicros: minMicros(command.requestedMicros, available),
      expiresAt: command.expiresAt,
      ...audit,
    },
  ];
}
