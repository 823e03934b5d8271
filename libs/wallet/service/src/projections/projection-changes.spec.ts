// One batch of events → the read-model changes, folded in memory.
import type { RecordedEvent } from '@billing/event-store';
import type { WalletEvent } from '@billing/wallet-domain';
import { ProjectionChanges } from './projection-changes.js';

const at = '2025-03-01T23:59:59.000Z';
const base = { actor: 'agent:a', occurredAt: at };
let position = 0n;
const recorded = (data: WalletEvent): RecordedEvent => {
  position += 1n;
  return { eventId: `00000000-0000-0000-0000-${String(position).padStart(12, '0')}`, type: data.type, data, metadata: {}, streamId: 's', streamVersion: 0, checkpoint: { transactionId: 1n, position }, recordedAt: new Date(at) };
};

describe('projection changes', () => {
  it('folds a transfer with its commission into balances, lines, system accounts and agent sums', () => {
    const changes = ProjectionChanges.of([
      recorded({ type: 'TransferredOut', accountId: 'agent:a', agentId: 'a', transferId: 't', customerId: 'c', amountMicros: 10n, balanceAfterMicros: 90n, ...base }),
      recorded({ type: 'TransferredIn', accountId: 'customer:c', agentId: 'a', transferId: 't', amountMicros: 10n, commissionMicros: 1n, balanceAfterMicros: 10n, ...base }),
      recorded({
        type: 'CommissionAccrued',
        accountId: 'commission:a',
        agentId: 'a',
        customerId: 'c',
        cause: { kind: 'transfer', transferId: 't' },
        baseAmountMicros: 10n,
        commissionMicroPercent: 10_000_000n,
        amountMicros: 1n,
        balanceAfterMicros: 1n,
        ...base,
      }),
    ]);
    expect([...changes.patches].map(([id, patch]) => [id, patch.balanceMicros])).toEqual([
      ['agent:a', 90n],
      ['customer:c', 10n],
      ['commission:a', 1n],
    ]);
    expect(changes.lines.map((line) => [line.accountId, line.changeMicros, line.refKind])).toEqual([
      ['agent:a', -10n, 'transfer'],
      ['customer:c', 10n, 'transfer'],
      ['commission:a', 1n, 'commission:transfer'],
    ]);
    expect(changes.systemDeltas.get('system:transfer-clearing')?.deltaMicros).toBe(0n);
    expect(changes.systemDeltas.get('system:commission-expense')?.deltaMicros).toBe(-1n);
    expect(Object.fromEntries(changes.agentDaily.get('a|2025-03-01')!)).toEqual({ transfers_out_micros: 10n, commission_accrued_micros: 1n });
  });

  it('a hold placed and settled in one batch leaves no open hold and no held amount', () => {
    const changes = ProjectionChanges.of([
      recorded({ type: 'HoldPlaced', accountId: 'customer:c', agentId: null, callId: 'k', requestedMicros: 9n, grantedMicros: 7n, expiresAt: at, ...base }),
      recorded({ type: 'HoldSettled', accountId: 'customer:c', agentId: null, callId: 'k', heldMicros: 7n, costMicros: 3n, balanceAfterMicros: -3n, ...base }),
    ]);
    expect(changes.holdsPlaced.size + changes.holdsEnded.size).toBe(0);
    expect(changes.patches.get('customer:c')).toMatchObject({ heldDeltaMicros: 0n, balanceMicros: -3n });
  });
});
