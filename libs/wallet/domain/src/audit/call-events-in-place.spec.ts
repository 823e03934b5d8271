// The audit's in-place replay of call events against the one evolve: on random histories, and on
// every call event of them tampered field by field, whatever applyCallEventInPlace accepts,
// evolveAccount accepts too, with the same resulting state; what it declines it leaves untouched.
// (It may decline more than evolve refuses: the auditor then asks evolveAccount.)
import fc from 'fast-check';
import { InvariantViolation } from '@billing/decider';
import { isDeepStrictEqual } from 'node:util';
import type { LedgerAccountId } from '../accounts/account-id.js';
import type { AccountState, LedgerAccount } from '../accounts/account-state.js';
import { unopenedAccount } from '../accounts/account-state.js';
import { evolveAccount } from '../accounts/evolve-account.js';
import type { WalletEvent } from '../events.js';
import { run, SOON, walletCommands } from '../testing/arbitraries.js';
import { applyCallEventInPlace, type AuditAccount } from './call-events-in-place.js';

const CALL_EVENTS: ReadonlySet<string> = new Set(['CallCharged', 'HoldPlaced', 'HoldSettled', 'HoldReleased', 'HoldExpired']);
/** values a corrupted field may take: neighbours, signs, wrong types, other ids, a bad instant. */
const TAMPERED_VALUES: readonly unknown[] = [0n, 1n, -1n, 999_999_999_999_999_999n, 10n ** 30n, 5, '5', null, undefined, 'call-0', 'customer:c2', 'a', 'b', SOON, 'not-a-date'];

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** What the audit owns: a copy whose maps the in-place replay may change. */
function ownCopy(state: LedgerAccount): AuditAccount {
  return { ...state, holds: new Map(state.holds) } as AuditAccount;
}

/** The state without the dedupe window, which the in-place replay does not keep (no invariant reads it). */
function comparable(state: LedgerAccount): unknown {
  return { ...state, recentChargedCallIds: null, holds: new Map(state.holds) };
}

function evolveOrNull(state: AccountState, event: WalletEvent): AccountState | null {
  try {
    return evolveAccount(state, event);
  } catch (error) {
    // addMicros' TypeError/RangeError count as refusals too, as they do in the auditor
    if (error instanceof InvariantViolation || error instanceof TypeError || error instanceof RangeError) return null;
    throw error;
  }
}

/** The property for one event on one state; returns whether the in-place replay accepted it. */
function agrees(state: LedgerAccount, event: WalletEvent): boolean {
  const copy = ownCopy(state);
  const before = comparable(copy);
  const accepted = applyCallEventInPlace(copy, event);
  if (!accepted) {
    check(isDeepStrictEqual(comparable(copy), before), `${event.type} declined but changed the state`);
    return false;
  }
  const evolved = evolveOrNull(state, event);
  check(evolved !== null, `${event.type} accepted in place but refused by evolveAccount: ${String(JSON.stringify(event, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)))}`);
  check(evolved!.status !== 'unopened' && isDeepStrictEqual(comparable(copy), comparable(evolved as LedgerAccount)), `${event.type}: in place and evolveAccount disagree on the state`);
  return true;
}

/** shifts that keep a tampered event self-consistent, so that only the range and floor checks can refuse it. */
const SHIFTS_MICROS: readonly bigint[] = [1n, 1_000_000_000n, 999_999_999_999_999_999n, 10n ** 30n, -(10n ** 30n)];

function tamperings(event: WalletEvent): WalletEvent[] {
  const variants: WalletEvent[] = [];
  for (const field of Object.keys(event)) {
    if (field === 'type') continue;
    for (const value of TAMPERED_VALUES) variants.push({ ...event, [field]: value } as unknown as WalletEvent);
  }
  for (const shift of SHIFTS_MICROS) {
    // a bigger (or absurd) cost with the balance after it moved to match
    if (event.type === 'CallCharged' || event.type === 'HoldSettled') variants.push({ ...event, costMicros: event.costMicros + shift, balanceAfterMicros: event.balanceAfterMicros - shift });
    // a hold granting more than the floor allows, still within what was requested
    if (event.type === 'HoldPlaced') variants.push({ ...event, grantedMicros: event.grantedMicros + shift, requestedMicros: event.requestedMicros + shift });
  }
  return variants;
}

/** the state itself tampered with: states random histories rarely or never reach (closed, disarmed, at the floor, broken invariants). */
function stateVariants(state: LedgerAccount): LedgerAccount[] {
  return [
    state,
    { ...state, status: 'closed' },
    { ...state, lowBalanceArmed: !state.lowBalanceArmed },
    { ...state, lowBalanceThresholdMicros: state.balanceMicros },
    { ...state, creditLimitMicros: 0n },
    { ...state, balanceMicros: state.heldMicros - state.creditLimitMicros },
    { ...state, heldMicros: 0n },
    { ...state, creditLimitMicros: state.creditLimitMicros + 1n },
    { ...state, lowBalanceThresholdMicros: -1n },
    { ...state, creditLimitMicros: -1n },
  ];
}

describe('the audit’s in-place replay of call events', () => {
  it('accepts only what evolveAccount accepts, with the same state, and every valid call event', () => {
    let acceptedValid = 0;
    let acceptedTampered = 0;
    fc.assert(
      fc.property(walletCommands, (commands) => {
        const states = new Map<LedgerAccountId, AccountState>();
        for (const event of run(commands).events) {
          const state = states.get(event.accountId) ?? unopenedAccount(event.accountId);
          if (state.status !== 'unopened' && CALL_EVENTS.has(event.type)) {
            // a decided event is valid: the fast path must take it, or the audit is slow for nothing
            check(agrees(state, event), `valid ${event.type} declined in place`);
            acceptedValid += 1;
            for (const variant of stateVariants(state)) {
              for (const tampered of [event, ...tamperings(event)]) if (agrees(variant, tampered)) acceptedTampered += 1;
            }
          }
          states.set(event.accountId, evolveAccount(state, event));
        }
      }),
      { numRuns: 40 },
    );
    expect(acceptedValid).toBeGreaterThan(200);
    // some tamperings are harmless (actor, occurredAt, a requested amount still ≥ granted): accepted by both
    expect(acceptedTampered).toBeGreaterThan(0);
  });

  it('declines every event that is not a call event, and call events on another account', () => {
    const opened = evolveAccount(unopenedAccount('customer:c1'), {
      type: 'AccountOpened',
      accountId: 'customer:c1',
      agentId: 'a',
      kind: 'customer',
      billingType: 'prepaid',
      creditLimitMicros: 0n,
      lowBalanceThresholdMicros: 0n,
      actor: 'x',
      occurredAt: SOON,
    }) as LedgerAccount;
    const deposit = { type: 'AccountClosed', accountId: 'customer:c1', agentId: 'a', actor: 'x', occurredAt: SOON } as const;
    expect(applyCallEventInPlace(ownCopy(opened), deposit)).toBe(false);
    const charge = { type: 'CallCharged', accountId: 'customer:c1', agentId: 'a', callId: 'k', costMicros: 0n, balanceAfterMicros: 0n, actor: 'x', occurredAt: SOON } as const;
    expect(applyCallEventInPlace(ownCopy(opened), { ...charge, costMicros: 1n, balanceAfterMicros: -1n })).toBe(true);
    expect(applyCallEventInPlace(ownCopy(opened), { ...charge, accountId: 'customer:c2', costMicros: 1n, balanceAfterMicros: -1n })).toBe(false);
  });
});
