import { spec } from '@billing/decider/testing';
import { accountsInvolved } from '../ledger/accounts-involved.js';
import { eventsByStream } from '../ledger/events-by-stream.js';
import { walletDecider } from '../ledger/wallet-decider.js';
import { A, audit, B, C, D, depositToAgent, history, meta, micros, microPercent, openAgent, openCustomer, rejectionOf, transfer } from '../testing/fixtures.js';

const wallet = spec(walletDecider);
// agent A has 100 on its main balance; C and D are A's customers
const funded = [openAgent(A), openCustomer(C, A), openCustomer(D, A), depositToAgent(A, '100')];

describe('agent → customer transfer', () => {
  it('moves the money and accrues the agent’s commission: one event per stream', () => {
    wallet
      .given(history(...funded))
      .when(transfer(A, C, '40', { transferId: 'tr-9', rate: '12.5' }))
      .then([
        { type: 'TransferredOut', accountId: 'agent:agent-a', agentId: A, transferId: 'tr-9', customerId: C, amountMicros: micros('40'), balanceAfterMicros: micros('60'), ...audit },
        { type: 'TransferredIn', accountId: 'customer:cust-c', agentId: A, transferId: 'tr-9', amountMicros: micros('40'), commissionMicros: micros('5'), balanceAfterMicros: micros('40'), ...audit },
        {
          type: 'CommissionAccrued',
          accountId: 'commission:agent-a',
          agentId: A,
          customerId: C,
          cause: { kind: 'transfer', transferId: 'tr-9' },
          baseAmountMicros: micros('40'),
          commissionMicroPercent: microPercent('12.5'),
          amountMicros: micros('5'),
          balanceAfterMicros: micros('5'),
          ...audit,
        },
      ]);
  });

  it('is appended to three streams at once, which are exactly the ones the service loaded', () => {
    const command = transfer(A, C, '40');
    const events = wallet.given(history(...funded)).when(command).events();
    expect(eventsByStream(events).map((group) => [group.streamId, group.events.map((event) => event.type)])).toEqual([
      ['wallet-agent-agent-a', ['TransferredOut']],
      ['wallet-customer-cust-c', ['TransferredIn']],
      ['wallet-commission-agent-a', ['CommissionAccrued']],
    ]);
    expect(accountsInvolved(command)).toEqual(['agent:agent-a', 'customer:cust-c', 'commission:agent-a']);
  });

  it('keeps the agent’s own reference on both legs', () => {
    const [out, into] = wallet.given(history(...funded)).when(transfer(A, C, '40', { reference: 'INV-7' })).events();
    expect(out).toMatchObject({ type: 'TransferredOut', reference: 'INV-7' });
    expect(into).toMatchObject({ type: 'TransferredIn', reference: 'INV-7' });
  });

  it.each(['', ' INV-7', 'x'.repeat(129)])('refuses the reference %j', (reference) => {
    wallet.given(history(...funded)).when(transfer(A, C, '40', { reference })).thenRejects(/reference must be/, 'invalid_reference');
  });

  it('may empty the agent’s balance exactly', () => {
    const [out] = wallet.given(history(...funded)).when(transfer(A, C, '100')).events();
    expect(out).toMatchObject({ type: 'TransferredOut', balanceAfterMicros: 0n });
  });

  it('refuses to overdraw the agent', () => {
    wallet.given(history(...funded)).when(transfer(A, C, '100.000001')).thenRejects('insufficient agent balance: 100 available', 'insufficient_funds');
  });

  it('insufficient balance is a 409: the state forbids it, the request is well formed', () => {
    expect(rejectionOf(transfer(A, C, '101'), history(...funded)).status).toBe(409);
  });

  it('the same transfer again changes nothing, even when the agent could not afford it twice', () => {
    wallet.given(history(...funded, transfer(A, C, '100'))).when(transfer(A, C, '100')).thenNothing();
  });

  it('the same transferId with another amount is refused', () => {
    wallet.given(history(...funded, transfer(A, C, '10'))).when(transfer(A, C, '11')).thenRejects('transfer id already used for another transfer', 'id_reused');
  });

  it('two transfers with different ids both move money', () => {
    const events = history(...funded, transfer(A, C, '30', { transferId: 'tr-1' }), transfer(A, D, '30', { transferId: 'tr-2' }));
    expect(events.filter((event) => event.type === 'TransferredOut').map((event) => 'balanceAfterMicros' in event && event.balanceAfterMicros)).toEqual([micros('70'), micros('40')]);
  });

  it('refuses a customer of another agent (404: an agent sees only its own customers)', () => {
    wallet.given(history(...funded, openAgent(B), openCustomer('cust-b', B))).when(transfer(A, 'cust-b', '1')).thenRejects('customer does not belong to this agent', 'customer_not_of_agent');
  });

  it('refuses an ITC-direct customer', () => {
    wallet.given(history(...funded, openCustomer('direct', null))).when(transfer(A, 'direct', '1')).thenRejects('customer does not belong to this agent', 'customer_not_of_agent');
  });

  it.each(['0', '-1'])('refuses an amount of %s', (amount) => {
    wallet.given(history(...funded)).when(transfer(A, C, amount)).thenRejects('amount must be positive', 'invalid_amount');
  });

  it('refuses a closed customer', () => {
    wallet.given(history(...funded, { type: 'CloseAccount', accountId: 'customer:cust-c', meta: meta() })).when(transfer(A, C, '1')).thenRejects('customer account is closed', 'account_closed');
  });

  it('refuses a closed agent', () => {
    wallet.given(history(...funded, { type: 'CloseAccount', accountId: 'agent:agent-a', meta: meta() })).when(transfer(A, C, '1')).thenRejects('agent account is closed', 'account_closed');
  });

  it('refuses an unknown agent', () => {
    wallet.given([]).when(transfer(A, C, '1')).thenRejects('agent account not found', 'account_not_found');
  });

  it('refuses an unknown customer', () => {
    wallet.given(history(openAgent(A))).when(transfer(A, C, '1')).thenRejects('customer account not found', 'account_not_found');
  });

  it('refuses an empty transferId', () => {
    wallet.given(history(...funded)).when(transfer(A, C, '1', { transferId: '' })).thenRejects('transferId must be 1 to 128 characters without surrounding spaces', 'invalid_id');
  });
});
