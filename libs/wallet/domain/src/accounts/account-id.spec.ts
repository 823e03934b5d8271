import { accountIdOfStream, agentMainAccount, commissionAccount, customerAccount, holderIdOf, isLedgerAccountId, isSystemAccountId, kindOf, streamIdOf } from './account-id.js';

describe('account ids and streams', () => {
  it('names one concurrency-checked stream per ledger account', () => {
    expect(streamIdOf(agentMainAccount('a1'))).toBe('wallet-agent-a1');
    expect(streamIdOf(commissionAccount('a1'))).toBe('wallet-commission-a1');
    expect(streamIdOf(customerAccount('c1'))).toBe('wallet-customer-c1');
  });

  it('reads a stream back to its account', () => {
    for (const accountId of [agentMainAccount('a-1'), commissionAccount('a-1'), customerAccount('c:9')]) expect(accountIdOfStream(streamIdOf(accountId))).toBe(accountId);
    expect(accountIdOfStream('agent-a1')).toBeUndefined();
    expect(accountIdOfStream('wallet-customer-')).toBeUndefined();
  });

  it('knows the kind and holder of an account', () => {
    expect(kindOf('commission:a1')).toBe('agent-commission');
    expect(holderIdOf('customer:c:9')).toBe('c:9');
    expect(isLedgerAccountId('system:funding')).toBe(false);
    expect(isSystemAccountId('system:funding')).toBe(true);
    expect(isSystemAccountId('system:other')).toBe(false);
  });
});
