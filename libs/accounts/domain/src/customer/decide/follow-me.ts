import { rejections } from '../../rejections.js';
import { auditOf } from '../../shared/command-meta.js';
import { MAX_FOLLOW_ME_TARGETS, MAX_RING_SECONDS, MIN_RING_SECONDS } from '../../shared/limits.js';
import { isWholeIn } from '../../terms/billing-terms.js';
import { normaliseE164 } from '../../validation/e164.js';
import type { SetFollowMe, SetFollowMeEnabled } from '../customer.commands.js';
import type { CustomerEvent } from '../customer.events.js';
import type { CustomerState, FollowMe, FollowMeTarget, OpenedCustomer } from '../customer.state.js';
import { changeable } from './guards.js';
import { assertFollowMeAllowed } from '../../features/features.gates.js';

export function setFollowMe(command: SetFollowMe, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  return changeTo(customer, { enabled: command.enabled, targets: checkTargets(command.targets) }, command);
}

export function setFollowMeEnabled(command: SetFollowMeEnabled, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  return changeTo(customer, { enabled: command.enabled, targets: customer.followMe.targets }, command);
}

function changeTo(customer: OpenedCustomer, followMe: FollowMe, command: SetFollowMe | SetFollowMeEnabled): CustomerEvent[] {
  // enabled without a target would silently drop calls that should have rung somewhere.
  assertFollowMeAllowed(customer, followMe.enabled);
  if (followMe.enabled && followMe.targets.length === 0) throw rejections.followMeEmpty();
  if (sameFollowMe(customer.followMe, followMe)) return [];
  return [{ type: 'FollowMeChanged', customerId: customer.customerId, enabled: followMe.enabled, targets: [...followMe.targets], ...auditOf(command.meta) }];
}

/** Targets in order with E.164 destinations, or the rejection of the first broken rule. */
export function checkTargets(targets: readonly { destination: string; ringSeconds: number }[]): FollowMeTarget[] {
  if (targets.length > MAX_FOLLOW_ME_TARGETS) throw rejections.tooManyFollowMeTargets();
  const checked = targets.map(({ destination, ringSeconds }, index) => {
    const normalised = normaliseE164(destination);
    if (normalised === null) throw rejections.invalidFollowMeDestination(index, destination);
    if (!isWholeIn(ringSeconds, MIN_RING_SECONDS, MAX_RING_SECONDS)) throw rejections.invalidRingSeconds(index);
    return { destination: normalised, ringSeconds };
  });
  if (new Set(checked.map((target) => target.destination)).size !== checked.length) throw rejections.duplicateFollowMeDestination();
  return checked;
}

function sameFollowMe(a: FollowMe, b: FollowMe): boolean {
  return (
    a.enabled === b.enabled &&
    a.targets.length === b.targets.length &&
    a.targets.every((target, i) => target.destination === b.targets[i]?.destination && target.ringSeconds === b.targets[i]?.ringSeconds)
  );
}
