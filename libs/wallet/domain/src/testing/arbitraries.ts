// fast-check generators of whole wallet histories for the property tests (not exported). A small
// world — two agents, a prepaid and a postpaid customer of A, a customer of B, an ITC-direct
// customer — and random commands over small id pools, so that repeats, reuse with other details,
// wrong agents, overdrafts and expiries all happen often.
import fc from 'fast-check';
import { RejectedCommand } from '@billing/decider';
import type { AgentMainAccountId, CustomerAccountId } from '../accounts/account-id.js';
import type { WalletCommand } from '../commands.js';
import type { DepositSource } from '../deposits/deposit-source.js';
import type { WalletEvent } from '../events.js';
import { walletDecider } from '../ledger/wallet-decider.js';
import type { Ledger } from '../ledger/ledger.js';
import type { CommandMeta } from '../shared/command-meta.js';

export const SOON = '2025-03-01T12:01:00.000Z';
const NOW = '2025-03-01T12:00:00.000Z';
const LATER = '2025-03-01T12:05:00.000Z';
const meta: CommandMeta = { actor: 'admin:itc', now: NOW };

const AGENTS = ['a', 'b'] as const;
/** customer → its agent (null = ITC-direct). */
const CUSTOMERS: Record<string, string | null> = { c1: 'a', c2: 'a', c3: 'b', c4: null };
const CUSTOMER_IDS = Object.keys(CUSTOMERS);

export const openWorld: WalletCommand[] = [
  { type: 'OpenAgentAccounts', agentId: 'a', lowBalanceThresholdMicros: 20_000_000n, meta },
  { type: 'OpenAgentAccounts', agentId: 'b', lowBalanceThresholdMicros: 0n, meta },
  { type: 'OpenCustomerAccount', customerId: 'c1', agentId: 'a', billingType: 'prepaid', creditLimitMicros: 0n, lowBalanceThresholdMicros: 5_000_000n, meta },
  { type: 'OpenCustomerAccount', customerId: 'c2', agentId: 'a', billingType: 'postpaid', creditLimitMicros: 20_000_000n, lowBalanceThresholdMicros: 0n, meta },
  { type: 'OpenCustomerAccount', customerId: 'c3', agentId: 'b', billingType: 'prepaid', creditLimitMicros: 0n, lowBalanceThresholdMicros: 1_000_000n, meta },
  { type: 'OpenCustomerAccount', customerId: 'c4', agentId: null, billingType: 'prepaid', creditLimitMicros: 0n, lowBalanceThresholdMicros: 0n, meta },
];

const agentId = fc.constantFrom(...AGENTS);
const customerId = fc.constantFrom(...CUSTOMER_IDS);
/** mostly the customer's own agent, sometimes another one (rejected). */
const customerWithAgent = fc.tuple(customerId, fc.nat(9)).map(([id, roll]) => ({ customerId: id, agentId: roll === 0 ? 'b' : (CUSTOMERS[id] ?? null) }));
/** up to 60 units, with the edges: zero, negative, a single micro. */
const amount = fc.oneof({ weight: 8, arbitrary: fc.bigInt({ min: 1n, max: 60_000_000n }) }, fc.constantFrom(0n, -1n, 1n));
const rate = fc.oneof(fc.constantFrom(0n, 10_000_000n, 12_500_000n, 33_333_333n, 100_000_000n), fc.bigInt({ min: 0n, max: 100_000_000n }));
/** small pools, so that repeats and reuse with other details are frequent. */
const id = (prefix: string) => fc.nat(3).map((n) => `${prefix}-${n}`);
/** transfers are smaller than deposits, so that most are affordable and some are not. */
const smallAmount = fc.oneof({ weight: 8, arbitrary: fc.bigInt({ min: 1n, max: 20_000_000n }) }, fc.constantFrom(0n, -1n, 1n));
const source: fc.Arbitrary<DepositSource> = fc.oneof(
  fc.constant({ kind: 'manual', reference: 'BANK-1' } as const),
  id('pi').map((paymentIntentId) => ({ kind: 'card', paymentIntentId }) as const),
  fc.constant({ kind: 'initial' } as const),
);
const reversible = fc.oneof(
  agentId.map((agent) => ({ accountId: `agent:${agent}` as AgentMainAccountId, agentId: agent as string | null })),
  customerId.map((customer) => ({ accountId: `customer:${customer}` as CustomerAccountId, agentId: CUSTOMERS[customer] ?? null })),
);

export const walletCommand: fc.Arbitrary<WalletCommand> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ depositId: id('da'), agentId, amountMicros: amount, source }).map((c) => ({ type: 'DepositToAgent', ...c, meta }) as const) },
  {
    weight: 3,
    arbitrary: fc
      .record({ depositId: id('dc'), who: customerWithAgent, amountMicros: amount, rate, source })
      .map(({ who, rate: r, ...c }) => ({ type: 'DepositToCustomer', ...c, ...who, agentCommissionMicroPercent: who.agentId === null ? 0n : r, meta }) as const),
  },
  {
    weight: 7,
    arbitrary: fc
      .record({ transferId: fc.nat(20).map((n) => `tr-${n}`), who: customerWithAgent, amountMicros: smallAmount, agentCommissionMicroPercent: rate })
      .map(({ who, ...c }) => ({ type: 'TransferToCustomer', ...c, customerId: who.customerId, agentId: who.agentId ?? 'a', meta }) as const),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ commissionTransferId: fc.nat(20).map((n) => `ct-${n}`), agentId, amountMicros: fc.option(smallAmount, { nil: null }) })
      .map((c) => ({ type: 'TransferCommission', ...c, meta }) as const),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ depositId: fc.oneof(id('da'), id('dc')), target: reversible, reason: fc.constantFrom('refund', 'chargeback', 'correction') as fc.Arbitrary<'refund' | 'chargeback' | 'correction'> })
      .map(({ target, ...c }) => ({ type: 'ReverseDeposit', ...c, ...target, meta }) as const),
  },
  {
    weight: 5,
    arbitrary: fc
      .record({ customerId, callId: id('call'), requestedMicros: amount, expiresAt: fc.constantFrom(SOON, LATER) })
      .map((c) => ({ type: 'PlaceHold', ...c, meta }) as const),
  },
  {
    weight: 5,
    arbitrary: fc
      .record({ customerId, callId: id('call'), costMicros: fc.oneof(amount, fc.bigInt({ min: 0n, max: 3_000_000n })) })
      .map((c) => ({ type: 'ChargeCall', ...c, meta }) as const),
  },
  { weight: 1, arbitrary: fc.record({ customerId, callId: id('call') }).map((c) => ({ type: 'ReleaseHold', ...c, meta }) as const) },
  { weight: 1, arbitrary: fc.record({ customerId, now: fc.constantFrom(SOON, LATER) }).map(({ now, ...c }) => ({ type: 'ExpireHolds', ...c, meta: { ...meta, now } }) as const) },
  {
    weight: 1,
    arbitrary: fc
      .record({ target: reversible, threshold: fc.bigInt({ min: 0n, max: 30_000_000n }) })
      .map(({ target, threshold }) => ({ type: 'ChangeLowBalanceThreshold', accountId: target.accountId, lowBalanceThresholdMicros: threshold, meta }) as const),
  },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 30_000_000n }).map((limit) => ({ type: 'ChangeCreditLimit', customerId: 'c2', creditLimitMicros: limit, meta }) as const) },
);

/** a whole call: authorized, then charged (within, at or above its hold), released, expired or left open. */
const call: fc.Arbitrary<WalletCommand[]> = fc
  .record({ customerId, n: fc.nat(1_000_000), requestedMicros: smallAmount, costMicros: fc.bigInt({ min: 0n, max: 25_000_000n }), end: fc.constantFrom('charge', 'charge', 'release', 'expire', 'open') })
  .map(({ customerId: customer, n, requestedMicros, costMicros, end }) => {
    const callId = `call-${n}`;
    const hold: WalletCommand = { type: 'PlaceHold', customerId: customer, callId, requestedMicros, expiresAt: SOON, meta };
    switch (end) {
      case 'charge':
        return [hold, { type: 'ChargeCall', customerId: customer, callId, costMicros, meta }];
      case 'release':
        return [hold, { type: 'ReleaseHold', customerId: customer, callId, meta }];
      case 'expire':
        return [hold, { type: 'ExpireHolds', customerId: customer, meta: { ...meta, now: SOON } }];
      default:
        return [hold];
    }
  });

/** a deposit into a customer, maybe its commission moved to main and money spent, then reversed. */
const reversedDeposit: fc.Arbitrary<WalletCommand[]> = fc
  .record({ customerId: fc.constantFrom('c1', 'c2', 'c3'), n: fc.nat(1_000_000), amountMicros: smallAmount, rate, moveCommission: fc.boolean(), spentMicros: fc.bigInt({ min: 0n, max: 25_000_000n }), source })
  .map(({ customerId: customer, n, amountMicros, rate: r, moveCommission, spentMicros, source: s }) => {
    const agent = CUSTOMERS[customer] ?? 'a';
    const depositId = `dr-${n}`;
    return [
      { type: 'DepositToCustomer', depositId, customerId: customer, agentId: agent, agentCommissionMicroPercent: r, amountMicros, source: s, meta },
      ...(moveCommission ? [{ type: 'TransferCommission', commissionTransferId: `ctr-${n}`, agentId: agent, amountMicros: null, meta } as const] : []),
      { type: 'ChargeCall', customerId: customer, callId: `spent-${n}`, costMicros: spentMicros, meta },
      { type: 'ReverseDeposit', depositId, accountId: `customer:${customer}`, agentId: agent, reason: 'chargeback', meta },
    ];
  });

/**
 * An agent-funded opening: reserve, then (maybe) the opening and its funding transfer, or a release,
 * or nothing (a crash: a later reservation or transfer after SOON expires it).
 */
const opening: fc.Arbitrary<WalletCommand[]> = fc
  .record({ agent: agentId, n: fc.nat(3), amountMicros: smallAmount, end: fc.constantFrom('funded', 'funded', 'released', 'crashed'), late: fc.boolean() })
  .map(({ agent, n, amountMicros, end, late }) => {
    const customer = `n-${agent}-${n}`;
    const at = { ...meta, now: late ? LATER : NOW };
    const expiresAt = late ? '2025-03-01T12:35:00.000Z' : SOON;
    const reserve: WalletCommand = { type: 'ReserveInitialBalance', agentId: agent, customerId: customer, amountMicros, expiresAt, meta: at };
    switch (end) {
      case 'funded':
        return [
          reserve,
          { type: 'OpenCustomerAccount', customerId: customer, agentId: agent, billingType: 'prepaid', creditLimitMicros: 0n, lowBalanceThresholdMicros: 0n, meta: at },
          // the wallet's funding of the opening (its accounts consumer): committed at reserve time
          { type: 'TransferToCustomer', transferId: `initial-${customer}`, agentId: agent, customerId: customer, amountMicros, agentCommissionMicroPercent: 10_000_000n, fundsOpening: true, meta: at },
        ];
      case 'released':
        return [reserve, { type: 'ReleaseInitialBalance', agentId: agent, customerId: customer, meta: at }];
      default:
        return [reserve];
    }
  });

export const walletCommands: fc.Arbitrary<WalletCommand[]> = fc
  .array(
    fc.oneof({ weight: 6, arbitrary: walletCommand.map((command) => [command]) }, { weight: 2, arbitrary: call }, { weight: 1, arbitrary: reversedDeposit }, { weight: 1, arbitrary: opening }),
    { minLength: 10, maxLength: 60 },
  )
  .map((groups) => groups.flat());

export interface Step {
  readonly command: WalletCommand;
  readonly before: Ledger;
  /** the decided events, or the rejection. */
  readonly outcome: { readonly events: WalletEvent[] } | { readonly rejected: RejectedCommand };
  readonly after: Ledger;
}

/** Decides every command in turn; a rejection leaves the ledger unchanged. Any other error fails the test. */
export function run(commands: readonly WalletCommand[]): { steps: Step[]; events: WalletEvent[]; ledger: Ledger } {
  let ledger: Ledger = walletDecider.initialState();
  const steps: Step[] = [];
  const events: WalletEvent[] = [];
  for (const command of [...openWorld, ...commands]) {
    const before = ledger;
    try {
      const decided = walletDecider.decide(command, before);
      for (const event of decided) ledger = walletDecider.evolve(ledger, event);
      events.push(...decided);
      steps.push({ command, before, outcome: { events: decided }, after: ledger });
    } catch (error) {
      if (!(error instanceof RejectedCommand)) throw error;
      steps.push({ command, before, outcome: { rejected: error }, after: ledger });
    }
  }
  return { steps, events, ledger };
}
