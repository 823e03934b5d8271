// Properties of any history: whatever commands arrive, in any order, the ledger stays sound.
import fc from 'fast-check';
import { fold } from '@billing/decider';
import { walletEventsV1 } from '@billing/contracts';
import { availableMicros, type AccountState } from '../accounts/account-state.js';
import { auditWallet } from '../audit/wallet-auditor.js';
import type { TransferToCustomer, WalletCommand } from '../commands.js';
import type { WalletEvent } from '../events.js';
import { toIntegrationEvent } from '../integration/to-integration.js';
import { postingsOf } from '../postings/postings-of.js';
import { fromAccountSnapshot, toAccountSnapshot } from '../snapshot/account-snapshot.js';
import { run, walletCommand, walletCommands } from '../testing/arbitraries.js';
import { accountsInvolved } from './accounts-involved.js';
import { walletDecider } from './wallet-decider.js';
import { accountIn, type Ledger } from './ledger.js';

const RUNS = { numRuns: 200 };
/** plain throw: jest's expect is too slow for checks inside every step of hundreds of histories. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}
const decided = (step: ReturnType<typeof run>['steps'][number]) => ('events' in step.outcome ? step.outcome.events : null);
const sum = (values: Iterable<bigint>) => [...values].reduce((total, value) => total + value, 0n);
const accounts = (ledger: Ledger): AccountState[] => [...ledger.values()];
/** debits the system decides; facts (charges, reversals) may cross the floor, these never may. */
const VOLUNTARY: ReadonlySet<WalletCommand['type']> = new Set(['TransferToCustomer', 'TransferCommission', 'PlaceHold', 'ReserveInitialBalance']);

const isOpeningFunding = (command: WalletCommand): command is TransferToCustomer => command.type === 'TransferToCustomer' && command.fundsOpening === true;

describe('wallet properties', () => {
  it('every event’s postings sum to zero, and so does the whole ledger', () => {
    fc.assert(
      fc.property(walletCommands, (commands) => {
        const { events } = run(commands);
        for (const event of events) check(sum(postingsOf(event).map((posting) => posting.amountMicros)) === 0n, `${event.type} does not balance`);
        expect(sum(events.flatMap((event) => postingsOf(event).map((posting) => posting.amountMicros)))).toBe(0n);
      }),
      RUNS,
    );
  });

  it('the invariants hold after every accepted command', () => {
    fc.assert(
      fc.property(walletCommands, (commands) => {
        for (const step of run(commands).steps) {
          const events = decided(step);
          if (events === null) continue;
          const where = `after ${step.command.type}`;
          for (const account of accounts(step.after)) {
            if (account.status === 'unopened') continue;
            check(account.kind !== 'agent-commission' || account.balanceMicros >= 0n, `${where}: ${account.accountId} commission below zero`);
            check(account.heldMicros === sum([...account.holds.values()].map((hold) => hold.grantedMicros)), `${where}: ${account.accountId} held ≠ Σ holds`);
            check(account.reservedMicros === sum([...account.reservations.values()].map((reservation) => reservation.amountMicros)), `${where}: ${account.accountId} reserved ≠ Σ reservations`);
            // armed means "at or above the threshold since the last crossing": a decision never leaves a crossing owed
            check(!account.lowBalanceArmed || account.balanceMicros >= account.lowBalanceThresholdMicros, `${where}: ${account.accountId} owes a LowBalanceCrossed`);
          }
          // an opening's funding was decided when its reservation was made: a fact since (it may put the agent in debt)
          if (!VOLUNTARY.has(step.command.type) || isOpeningFunding(step.command)) continue;
          // an account the decision took money from ends at or above its floor (crediting an
          // account that a fact left below its floor is fine: it only gets closer)
          for (const accountId of new Set(events.map((event) => event.accountId))) {
            const [before, after] = [accountIn(step.before, accountId), accountIn(step.after, accountId)];
            if (before.status === 'unopened' || after.status === 'unopened') continue;
            if (availableMicros(after) < availableMicros(before)) check(availableMicros(after) >= 0n, `${where}: ${accountId} below its floor`);
          }
        }
      }),
      RUNS,
    );
  });

  it('when every call is charged within its hold and nothing is reversed, no account ever goes below its floor', () => {
    const withinHolds = (commands: WalletCommand[]) => {
      const { steps } = run(commands.filter((command) => command.type !== 'ReverseDeposit' && command.type !== 'ChangeCreditLimit'));
      return steps;
    };
    fc.assert(
      fc.property(walletCommands, (commands) => {
        let ledger: Ledger = walletDecider.initialState();
        for (const step of withinHolds(commands)) {
          let command = step.command;
          if (command.type === 'ChargeCall') {
            const customer = accountIn(ledger, `customer:${command.customerId}`);
            const hold = customer.status === 'unopened' ? undefined : customer.holds.get(command.callId);
            if (hold === undefined) continue;
            command = { ...command, costMicros: command.costMicros < hold.grantedMicros ? (command.costMicros < 0n ? 0n : command.costMicros) : hold.grantedMicros };
          }
          // accounts opens (and the wallet funds) only what it reserved: a funding whose reservation is not open never comes
          if (isOpeningFunding(command)) {
            const agent = accountIn(ledger, `agent:${command.agentId}`);
            if (agent.status === 'unopened' || agent.reservations.get(command.customerId)?.amountMicros !== command.amountMicros) continue;
          }
          try {
            ledger = fold(walletDecider, ledger, walletDecider.decide(command, ledger));
          } catch {
            continue;
          }
          for (const account of accounts(ledger)) check(account.status === 'unopened' || availableMicros(account) >= 0n, `${account.accountId} below its floor`);
        }
      }),
      RUNS,
    );
  });

  it('deciding an accepted command again yields no events (idempotency)', () => {
    fc.assert(
      fc.property(walletCommands, (commands) => {
        for (const step of run(commands).steps) {
          if (decided(step) === null) continue;
          expect(walletDecider.decide(step.command, step.after)).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('a decision writes only to the accounts the service loaded for it', () => {
    fc.assert(
      fc.property(walletCommands, (commands) => {
        for (const step of run(commands).steps) {
          const involved = new Set(accountsInvolved(step.command));
          for (const event of decided(step) ?? []) check(involved.has(event.accountId), `${step.command.type} wrote to ${event.accountId}`);
        }
      }),
      RUNS,
    );
  });

  it('a decision sees only the accounts the service loaded: deciding on those alone gives the same result', () => {
    fc.assert(
      fc.property(walletCommands, (commands) => {
        for (const step of run(commands).steps) {
          const loaded: Ledger = new Map(accountsInvolved(step.command).map((accountId) => [accountId, accountIn(step.before, accountId)]));
          const outcome = (() => {
            try {
              return walletDecider.decide(step.command, loaded);
            } catch (error) {
              return error;
            }
          })();
          expect(outcome).toEqual('events' in step.outcome ? step.outcome.events : step.outcome.rejected);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the audit of any history passes, and agrees with balances folded from the streams', () => {
    fc.assert(
      fc.property(walletCommands, (commands) => {
        const { events, ledger } = run(commands);
        const projected = new Map<string, bigint>();
        for (const account of accounts(ledger)) if (account.status !== 'unopened') projected.set(account.accountId, account.balanceMicros);
        const report = auditWallet(events);
        for (const [accountId, balanceMicros] of report.balances) if (accountId.startsWith('system:')) projected.set(accountId, balanceMicros);
        const audited = auditWallet(events, { balances: projected });
        expect(audited.problems).toEqual([]);
        expect(audited.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('every published event satisfies its v1 contract', () => {
    fc.assert(
      fc.property(walletCommands, (commands) => {
        for (const event of run(commands).events) {
          const integration = toIntegrationEvent(event);
          if (integration === null) continue;
          expect(walletEventsV1[integration.type].safeParse(integration.data).error).toBeUndefined();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('an account restored from its snapshot decides exactly like the replayed one', () => {
    fc.assert(
      fc.property(walletCommands, walletCommand, (commands, next) => {
        const { ledger } = run(commands);
        const restored: Ledger = new Map([...ledger].map(([accountId, account]) => [accountId, fromAccountSnapshot(toAccountSnapshot(account))]));
        expect(restored).toEqual(ledger);
        const outcome = (state: Ledger): WalletEvent[] | string => {
          try {
            return walletDecider.decide(next, state);
          } catch (error) {
            return String(error);
          }
        };
        expect(outcome(restored)).toEqual(outcome(ledger));
      }),
      { numRuns: 100 },
    );
  });
});
