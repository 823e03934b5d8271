import { allEvents } from '../testing/all-events.js';
import { ACCOUNTS_EVENT_TYPES, decodeAccountsEvent, encodeAccountsEvent } from './accounts-event-codec.js';

describe('accounts event codec', () => {
  it('has an example of every event type', () => {
    expect(new Set(allEvents.map((event) => event.type))).toEqual(new Set(ACCOUNTS_EVENT_TYPES));
  });

  it.each(allEvents.map((event) => [event.type, event] as const))('%s survives JSON exactly', (_type, event) => {
    const { type, data } = encodeAccountsEvent(event);
    const stored = JSON.parse(JSON.stringify(data)) as unknown;
    expect(decodeAccountsEvent(type, stored)).toEqual(event);
  });

  it('writes bigints as integer strings of micro-units, keeps null', () => {
    const [registered] = allEvents;
    expect(encodeAccountsEvent(registered!).data).toMatchObject({ commissionMicroPercent: '12500000', lowBalanceThresholdMicros: '50000000' });
    const opened = allEvents.find((event) => event.type === 'CustomerOpened')!;
    expect(encodeAccountsEvent(opened).data).toMatchObject({ creditLimitMicros: null, initialBalanceMicros: '5000000' });
  });

  it('reads an AgentRegistered stored before ITC set per-agent limits: no customer credit, CallerIDs with approval', () => {
    const { data } = encodeAccountsEvent(allEvents[0]!);
    const { maxCustomerCreditLimitMicros: _max, customersMayAddCallerIds: _callerIds, ...old } = data;
    const { maxTotalCustomerCreditMicros: _total, ...withoutTotal } = old;
    expect(decodeAccountsEvent('AgentRegistered', withoutTotal)).toMatchObject({ maxCustomerCreditLimitMicros: 0n, maxTotalCustomerCreditMicros: 0n, customersMayAddCallerIds: true });
  });

  it('reads an AgentRegistered stored before ITC set a total: one customer at its maximum', () => {
    const { data } = encodeAccountsEvent(allEvents[0]!);
    const { maxTotalCustomerCreditMicros: _total, ...old } = data;
    expect(decodeAccountsEvent('AgentRegistered', old)).toMatchObject({ maxCustomerCreditLimitMicros: 100_000_000n, maxTotalCustomerCreditMicros: 100_000_000n });
    expect(decodeAccountsEvent('AgentRegistered', data)).toMatchObject({ maxTotalCustomerCreditMicros: 500_000_000n });
  });

  it('asserts on what it cannot read back', () => {
    expect(() => decodeAccountsEvent('AgentDeleted', {})).toThrow('not an accounts domain event type');
    expect(() => decodeAccountsEvent('AgentCommissionChanged', { commissionMicroPercent: 12.5 })).toThrow('must be an integer string');
    expect(() => decodeAccountsEvent('AgentCommissionChanged', { previousCommissionMicroPercent: '1', commissionMicroPercent: '1.5' })).toThrow(
      'must be an integer string',
    );
    expect(() => decodeAccountsEvent('AgentReactivated', null)).toThrow('data must be an object');
  });
});
