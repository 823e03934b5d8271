// What must hold of a customer whatever its history: checked on every event in evolve, so a
// broken event (a bug, a bad migration) crashes the load instead of becoming believable state.
import { invariant } from '@billing/decider';
import { MAX_CALLER_IDS, MAX_FOLLOW_ME_TARGETS, MAX_RING_SECONDS, MIN_RING_SECONDS } from '../shared/limits.js';
import { isWholeIn } from '../terms/billing-terms.js';
import { isE164 } from '../validation/e164.js';
import { normaliseEmail } from '../validation/email.js';
import { normaliseLanguage } from '../validation/language.js';
import type { CallerIds, CustomerSettings, FollowMe, PendingCallerIds } from './customer.state.js';

export function assertCallerIds({ callerIds, defaultCallerId }: CallerIds, customerId: string): void {
  invariant(callerIds.length <= MAX_CALLER_IDS, `customer ${customerId}: more than ${MAX_CALLER_IDS} caller IDs`);
  invariant(callerIds.every(isE164), `customer ${customerId}: a caller ID is not E.164`);
  invariant(new Set(callerIds).size === callerIds.length, `customer ${customerId}: duplicate caller IDs`);
  invariant(
    defaultCallerId === null ? callerIds.length === 0 : callerIds.includes(defaultCallerId),
    `customer ${customerId}: the default caller ID must be one of the list, and exist when the list is not empty`,
  );
}

/** Pending numbers are E.164, distinct, never also approved, and with the approved ones at most 10. */
export function assertPendingCallerIds({ callerIds, pendingCallerIds }: CallerIds & PendingCallerIds, customerId: string): void {
  invariant(pendingCallerIds.every(isE164), `customer ${customerId}: a pending caller ID is not E.164`);
  invariant(new Set(pendingCallerIds).size === pendingCallerIds.length, `customer ${customerId}: duplicate pending caller IDs`);
  invariant(!pendingCallerIds.some((n) => callerIds.includes(n)), `customer ${customerId}: a caller ID both pending and approved`);
  invariant(callerIds.length + pendingCallerIds.length <= MAX_CALLER_IDS, `customer ${customerId}: more than ${MAX_CALLER_IDS} caller IDs with the pending ones`);
}

export function assertFollowMe({ enabled, targets }: FollowMe, customerId: string): void {
  invariant(targets.length <= MAX_FOLLOW_ME_TARGETS, `customer ${customerId}: more than ${MAX_FOLLOW_ME_TARGETS} FollowMe targets`);
  invariant(!enabled || targets.length > 0, `customer ${customerId}: FollowMe enabled without targets`);
  invariant(
    targets.every((target) => isE164(target.destination) && isWholeIn(target.ringSeconds, MIN_RING_SECONDS, MAX_RING_SECONDS)),
    `customer ${customerId}: a FollowMe target is malformed`,
  );
  invariant(new Set(targets.map((target) => target.destination)).size === targets.length, `customer ${customerId}: duplicate FollowMe destinations`);
}

export function assertSettings(settings: CustomerSettings, customerId: string): void {
  invariant(settings.lowBalanceThresholdMicros >= 0n, `customer ${customerId}: negative low-balance threshold`);
  invariant(settings.contactEmail === null || normaliseEmail(settings.contactEmail) === settings.contactEmail, `customer ${customerId}: contact e-mail not normalised`);
  invariant(normaliseLanguage(settings.language) === settings.language, `customer ${customerId}: language not canonical`);
}
