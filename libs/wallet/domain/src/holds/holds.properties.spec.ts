// Concurrent calls cannot overspend (docs/API.md; docs/rating.md): a hold never grants more than is available,
// and holds decided one after the other — which is what the stream's expected version turns
// concurrent authorizations into — never grant more than was available in total.
import fc from 'fast-check';
import { fold, RejectedCommand } from '@billing/decider';
import { availableMicros, type LedgerAccount } from '../accounts/account-state.js';
import type { PlaceHold } from '../commands.js';
import type { HoldPlaced, WalletEvent } from '../events.js';
import { customerIn, type Ledger } from '../ledger/ledger.js';
import { walletDecider } from '../ledger/wallet-decider.js';
import { run, SOON, walletCommands } from '../testing/arbitraries.js';

const customerIds = fc.constantFrom('c1', 'c2', 'c3', 'c4');
const requested = fc.bigInt({ min: 1n, max: 80_000_000n });
const meta = { actor: 'system:rating', now: '2025-03-01T12:00:00.000Z' };
const placeHold = (customerId: string, callId: string, requestedMicros: bigint): PlaceHold => ({ type: 'PlaceHold', customerId, callId, requestedMicros, expiresAt: SOON, meta });

/** granted micros, or 0 when refused. */
function grant(command: PlaceHold, ledger: Ledger): { grantedMicros: bigint; events: WalletEvent[] } {
  try {
    const events = walletDecider.decide(command, ledger);
    const placed = events.find((event): event is HoldPlaced => event.type === 'HoldPlaced');
    return { grantedMicros: placed?.grantedMicros ?? 0n, events };
  } catch (error) {
    if (error instanceof RejectedCommand) return { grantedMicros: 0n, events: [] };
    throw error;
  }
}

const available = (ledger: Ledger, customerId: string) => availableMicros(customerIn(ledger, customerId) as LedgerAccount);

describe('holds never overspend', () => {
  it('a hold grants at most what is available, and at most what was requested', () => {
    fc.assert(
      fc.property(walletCommands, customerIds, requested, (commands, customerId, requestedMicros) => {
        const { ledger } = run(commands);
        const before = available(ledger, customerId);
        const { grantedMicros } = grant(placeHold(customerId, 'new-call', requestedMicros), ledger);
        expect(grantedMicros <= requestedMicros).toBe(true);
        expect(grantedMicros <= (before > 0n ? before : 0n)).toBe(true);
        if (before > 0n && customerIn(ledger, customerId).status === 'open') expect(grantedMicros).toBe(before < requestedMicros ? before : requestedMicros);
      }),
      { numRuns: 200 },
    );
  });

  it('two concurrent authorizations: the second, re-decided after the first is appended, never makes the total exceed what was available', () => {
    fc.assert(
      fc.property(walletCommands, customerIds, requested, requested, (commands, customerId, firstMicros, secondMicros) => {
        const { ledger } = run(commands);
        const availableBefore = available(ledger, customerId);
        const first = grant(placeHold(customerId, 'call-x', firstMicros), ledger);
        // the second was decided on the same version; its append fails on the expected version,
        // so the service decides it again on the state that includes the first hold
        const afterFirst = fold(walletDecider, ledger, first.events);
        const second = grant(placeHold(customerId, 'call-y', secondMicros), afterFirst);
        const totalMicros = first.grantedMicros + second.grantedMicros;
        expect(totalMicros <= (availableBefore > 0n ? availableBefore : 0n)).toBe(true);
        expect(available(fold(walletDecider, afterFirst, second.events), customerId) >= (availableBefore > 0n ? 0n : availableBefore)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('any number of holds in sequence grant at most the available total', () => {
    fc.assert(
      fc.property(walletCommands, customerIds, fc.array(requested, { minLength: 1, maxLength: 20 }), (commands, customerId, requests) => {
        let { ledger } = run(commands);
        const availableBefore = available(ledger, customerId);
        let totalMicros = 0n;
        requests.forEach((requestedMicros, i) => {
          const { grantedMicros, events } = grant(placeHold(customerId, `seq-${i}`, requestedMicros), ledger);
          totalMicros += grantedMicros;
          ledger = fold(walletDecider, ledger, events);
        });
        expect(totalMicros <= (availableBefore > 0n ? availableBefore : 0n)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
