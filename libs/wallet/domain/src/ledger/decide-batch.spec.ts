import { A, C, charge, depositToCustomer, history, ledgerAfter, micros, openAgent, openCustomer, placeHold } from '../testing/fixtures.js';
import { decideBatch } from './decide-batch.js';

describe('a batch of commands', () => {
  it('decides each on the state the previous ones left, and goes on after a rejection', () => {
    const ledger = ledgerAfter(history(openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '10', { rate: '0' })));
    const batch = decideBatch([placeHold(C, 'call-1', '8'), placeHold(C, 'call-2', '8'), charge(C, 'call-1', '1'), charge(C, 'call-1', '1'), placeHold(C, 'call-3', '20')], ledger);
    expect(batch.outcomes.map((outcome) => ('rejected' in outcome ? outcome.rejected.code : outcome.events.map((event) => event.type).join(',')))).toEqual([
      'HoldPlaced',
      'HoldPlaced',
      'HoldSettled',
      '',
      'HoldPlaced',
    ]);
    expect(batch.events.filter((event) => event.type === 'HoldPlaced').map((event) => event.grantedMicros)).toEqual([micros('8'), micros('2'), micros('7')]);
  });

  it('a batch that overspends refuses the hold that finds nothing left', () => {
    const ledger = ledgerAfter(history(openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '1', { rate: '0' })));
    const batch = decideBatch([placeHold(C, 'call-1', '1'), placeHold(C, 'call-2', '1')], ledger);
    expect(batch.outcomes[1]).toMatchObject({ rejected: { code: 'insufficient_funds' } });
  });
});
