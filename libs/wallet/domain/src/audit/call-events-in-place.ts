// The audit's fast path for the call events (holds and charges: nearly the whole log of a live
// operator). evolveAccount copies the whole account state per event (two object spreads, a Map copy
// per hold, the 256-id dedupe window) — right for the service, which keeps old states, and most of
// the audit's CPU. The auditor owns its states and drops the old one, so here the same event is
// applied in place, after the same checks as evolveAccount (accounts/evolve-account.ts) on the
// values the event would produce.
//
// It only ever says yes: `false` (the account untouched) means "not shown valid here", and the
// auditor then replays that event through evolveAccount, whose verdict and message are final. So a
// check missing here could only let an invalid event pass; call-events-in-place.spec.ts proves on
// random histories, valid and tampered, that whatever this accepts evolveAccount accepts too, with
// the same resulting state.
//
// Not kept: `recentChargedCallIds`, the decider's dedupe window. No evolve invariant reads it and
// the audit reports nothing from it; keeping it is the costliest copy of all.
import { MAX_MONEY_MICROS } from '@billing/money';
import type { LedgerAccount, OpenHold } from '../accounts/account-state.js';
import { EVENT_ACCOUNT_KINDS, type CallCharged, type HoldExpired, type HoldPlaced, type HoldReleased, type HoldSettled, type WalletEvent } from '../events.js';
import { isIsoInstant } from '../shared/command-meta.js';

/** An account state the auditor owns: updated in place, never shared. */
export type AuditAccount = { -readonly [K in keyof LedgerAccount]: LedgerAccount[K] } & { holds: Map<string, OpenHold> };

/** Takes ownership of a state evolveAccount returned (its maps are fresh or shared only with the state it replaced). */
export function ownedAccount(state: LedgerAccount): AuditAccount {
  const account = state as AuditAccount;
  if (!(account.holds instanceof Map)) account.holds = new Map(state.holds);
  return account;
}

/** Applies a call event in place when evolveAccount would accept it; false, with `s` untouched, otherwise. */
export function applyCallEventInPlace(s: AuditAccount, e: WalletEvent): boolean {
  switch (e.type) {
    case 'CallCharged':
    case 'HoldPlaced':
    case 'HoldSettled':
    case 'HoldReleased':
    case 'HoldExpired':
      // evolveAccount's checks for every event on an opened account
      if (e.accountId !== s.accountId || !EVENT_ACCOUNT_KINDS[e.type].includes(s.kind) || e.agentId !== s.agentId) return false;
      return applyChecked(s, e);
    default:
      return false;
  }
}

function applyChecked(s: AuditAccount, e: CallCharged | HoldPlaced | HoldSettled | HoldReleased | HoldExpired): boolean {
  switch (e.type) {
    case 'CallCharged':
      return charged(s, e);
    case 'HoldPlaced':
      return placed(s, e);
    case 'HoldSettled':
      return settled(s, e);
    case 'HoldReleased':
      return closed(s, e.callId, e.heldMicros);
    case 'HoldExpired':
      return s.holds.get(e.callId)?.expiresAt === e.expiresAt && closed(s, e.callId, e.heldMicros);
  }
}

function charged(s: AuditAccount, e: CallCharged): boolean {
  const costMicros = e.costMicros;
  if (typeof costMicros !== 'bigint' || costMicros <= 0n || s.holds.has(e.callId)) return false;
  const balanceMicros = s.balanceMicros - costMicros;
  if (!isMicros(costMicros) || !isMicros(balanceMicros) || balanceMicros !== e.balanceAfterMicros) return false;
  if (!invariantsHold(s, balanceMicros, s.heldMicros)) return false;
  moveBalance(s, balanceMicros);
  return true;
}

function placed(s: AuditAccount, e: HoldPlaced): boolean {
  const grantedMicros = e.grantedMicros;
  if (s.status !== 'open' || typeof grantedMicros !== 'bigint' || grantedMicros <= 0n || !(grantedMicros <= e.requestedMicros)) return false;
  if (s.holds.has(e.callId) || !isIsoInstant(e.expiresAt)) return false;
  const heldMicros = s.heldMicros + grantedMicros;
  // requireAboveFloor: available = balance − holds + credit limit
  if (s.balanceMicros - heldMicros + s.creditLimitMicros < 0n || !invariantsHold(s, s.balanceMicros, heldMicros)) return false;
  s.heldMicros = heldMicros;
  s.holds.set(e.callId, { grantedMicros, expiresAt: e.expiresAt });
  return true;
}

function settled(s: AuditAccount, e: HoldSettled): boolean {
  const costMicros = e.costMicros;
  if (typeof costMicros !== 'bigint' || costMicros < 0n || !isMicros(costMicros)) return false;
  const hold = s.holds.get(e.callId);
  if (hold === undefined || hold.grantedMicros !== e.heldMicros) return false;
  const heldMicros = s.heldMicros - hold.grantedMicros;
  const balanceMicros = s.balanceMicros - costMicros;
  if (!isMicros(balanceMicros) || balanceMicros !== e.balanceAfterMicros || !invariantsHold(s, balanceMicros, heldMicros)) return false;
  s.heldMicros = heldMicros;
  s.holds.delete(e.callId);
  moveBalance(s, balanceMicros);
  return true;
}

/** closeHold: the hold is open and the event names what it granted. */
function closed(s: AuditAccount, callId: string, heldMicros: bigint): boolean {
  const hold = s.holds.get(callId);
  if (hold === undefined || hold.grantedMicros !== heldMicros) return false;
  const nextHeldMicros = s.heldMicros - heldMicros;
  if (!invariantsHold(s, s.balanceMicros, nextHeldMicros)) return false;
  s.heldMicros = nextHeldMicros;
  s.holds.delete(callId);
  return true;
}

/** moveBalance's effect once its checks passed: the new balance, and the low-balance alert re-armed at or above the threshold. */
function moveBalance(s: AuditAccount, balanceMicros: bigint): void {
  s.balanceMicros = balanceMicros;
  s.lowBalanceArmed = s.lowBalanceArmed || balanceMicros >= s.lowBalanceThresholdMicros;
}

/** assertAccountInvariants on the state the event would leave (the other fields are unchanged by call events). */
function invariantsHold(s: AuditAccount, balanceMicros: bigint, heldMicros: bigint): boolean {
  return (
    heldMicros >= 0n &&
    (s.kind !== 'agent-commission' || balanceMicros >= 0n) &&
    (s.billingType === 'postpaid' || s.creditLimitMicros === 0n) &&
    s.creditLimitMicros >= 0n &&
    s.lowBalanceThresholdMicros >= 0n
  );
}

/** addMicros' range check, as a test instead of a throw (a failure goes to evolveAccount, which throws it). */
function isMicros(value: bigint): boolean {
  return value <= MAX_MONEY_MICROS && value >= -MAX_MONEY_MICROS;
}
