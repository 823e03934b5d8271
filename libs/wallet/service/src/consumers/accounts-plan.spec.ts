// Every accounts event the wallet reacts to, and what it turns into.
import { parseAccountsEventV1 } from '@billing/contracts';
import { agentCommissionChanged, agentRegistered, customerOpened, customerSettingsChanged } from '../__fixtures__/accounts-events.js';
import { AgentNotKnownYet, initialFundingId, planAccountsEvent } from './accounts-plan.js';

const parsed = (draft: { type: string; data: unknown }) => parseAccountsEventV1(draft.type, draft.data);

describe('accounts events → wallet commands', () => {
  it('AgentRegistered opens the agent accounts and records its commission rate', () => {
    const event = agentRegistered('a1', { commissionPercent: '12.5', lowBalanceThreshold: '3' });
    const plan = planAccountsEvent(parsed(event));
    expect(plan.commands).toEqual([{ type: 'OpenAgentAccounts', agentId: 'a1', lowBalanceThresholdMicros: 3_000_000n, meta: { actor: 'admin:itc', now: expect.any(String) } }]);
    expect(plan.directory).toEqual([{ kind: 'commission-rate', agentId: 'a1', effectiveAt: event.data.occurredAt, microPercent: 12_500_000n }]);
  });

  it('AgentCommissionChanged only records the new rate, from its time on', () => {
    const plan = planAccountsEvent(parsed(agentCommissionChanged('a1', '10', '7')));
    expect(plan.commands).toEqual([]);
    expect(plan.directory).toEqual([expect.objectContaining({ kind: 'commission-rate', microPercent: 7_000_000n })]);
  });

  it('CustomerOpened with an agent-funded initial balance: open, then a transfer at the agent rate that moves the committed money', () => {
    const plan = planAccountsEvent(parsed(customerOpened('c1', 'a1', { initialBalance: '10', source: 'agent', lowBalanceThreshold: '1' })), 5_000_000n);
    expect(plan.commands.map((command) => command.type)).toEqual(['OpenCustomerAccount', 'TransferToCustomer']);
    expect(plan.commands[1]).toMatchObject({ transferId: initialFundingId('c1'), agentId: 'a1', customerId: 'c1', amountMicros: 10_000_000n, agentCommissionMicroPercent: 5_000_000n, fundsOpening: true });
    expect(plan.directory).toEqual([expect.objectContaining({ kind: 'customer', customerId: 'c1', agentId: 'a1' })]);
  });

  it('CustomerOpened funded by ITC: an initial deposit (commission for its agent, none without one)', () => {
    const withAgent = planAccountsEvent(parsed(customerOpened('c2', 'a1', { initialBalance: '4', source: 'operator' })), 5_000_000n);
    expect(withAgent.commands[1]).toMatchObject({ type: 'DepositToCustomer', depositId: initialFundingId('c2'), agentId: 'a1', agentCommissionMicroPercent: 5_000_000n, source: { kind: 'initial' } });
    const direct = planAccountsEvent(parsed(customerOpened('c3', null, { initialBalance: '4' })));
    expect(direct.commands[1]).toMatchObject({ type: 'DepositToCustomer', agentId: null, agentCommissionMicroPercent: 0n });
  });

  it('CustomerOpened postpaid carries the credit limit; without initial balance nothing is funded', () => {
    const plan = planAccountsEvent(parsed(customerOpened('c4', 'a1', { billingType: 'postpaid', creditLimit: '50' })));
    expect(plan.commands).toEqual([expect.objectContaining({ type: 'OpenCustomerAccount', billingType: 'postpaid', creditLimitMicros: 50_000_000n })]);
  });

  it('an agent-funded initial balance of an agent the wallet does not know yet is retried later', () => {
    expect(() => planAccountsEvent(parsed(customerOpened('c5', 'a9', { initialBalance: '1' })), undefined)).toThrow(AgentNotKnownYet);
  });

  it('settings change the threshold; closing closes the account; suspension moves no money', () => {
    expect(planAccountsEvent(parsed(customerSettingsChanged('c1', '2.5'))).commands).toEqual([
      expect.objectContaining({ type: 'ChangeLowBalanceThreshold', accountId: 'customer:c1', lowBalanceThresholdMicros: 2_500_000n }),
    ]);
    const status = (value: 'closed' | 'suspended') =>
      planAccountsEvent(parseAccountsEventV1('accounts.CustomerStatusChanged', { customerId: 'c1', status: value, reason: null, actor: 'admin:itc', occurredAt: '2025-03-01T12:00:00+02:00' }));
    expect(status('closed').commands).toEqual([{ type: 'CloseAccount', accountId: 'customer:c1', meta: { actor: 'admin:itc', now: '2025-03-01T10:00:00.000Z' } }]);
    expect(status('suspended').commands).toEqual([]);
  });
});
