import { AGENT_REGISTERED_V1, AgentRegisteredV1 } from './agent-registered.js';
import { CUSTOMER_CALLER_ID_REQUESTS_CHANGED_V1, CustomerCallerIdRequestsChangedV1 } from './customer-caller-id-requests-changed.js';
import { CustomerCallerIdsChangedV1 } from './customer-caller-ids-changed.js';
import { CustomerFollowMeChangedV1 } from './customer-follow-me-changed.js';
import { CustomerOpenedV1 } from './customer-opened.js';
import { ACCOUNTS_EVENTS_SCHEMA_VERSION, ACCOUNTS_EVENTS_TOPIC, accountsEventsV1, isAccountsEventTypeV1, parseAccountsEventV1 } from './registry.js';

const audit = { actor: 'admin:1', occurredAt: '2025-03-01T10:00:00Z' };
const agentRegistered = {
  agentId: 'agent-1',
  name: 'Acme',
  contactEmail: 'ops@acme.example',
  commissionPercent: '12.5',
  rateSheetId: 'sheet-base',
  lowBalanceThreshold: '50',
  ...audit,
};
const customerOpened = {
  customerId: 'customer-1',
  accountNumber: '1000000016',
  agentId: null,
  profileId: 'profile-1',
  batchId: null,
  billingType: 'postpaid',
  creditLimit: '20',
  initialBalance: '0',
  initialBalanceSource: 'operator',
  lowBalanceThreshold: '1.5',
  rateSheetId: 'sheet-base',
  maxConcurrentCalls: 2,
  maxCallDurationSeconds: 3600,
  language: 'pt-BR',
  contactEmail: null,
  lowBalanceEmailEnabled: true,
  sipUsername: '1000000016',
  ...audit,
};

describe('accounts v1 contracts', () => {
  it('publish on accounts.events.v1, schema version 1, types "accounts.<Event>"', () => {
    expect(ACCOUNTS_EVENTS_TOPIC).toBe('accounts.events.v1');
    expect(ACCOUNTS_EVENTS_SCHEMA_VERSION).toBe(1);
    expect(AGENT_REGISTERED_V1).toEqual({ type: 'accounts.AgentRegistered', schemaVersion: 1 });
    for (const type of Object.keys(accountsEventsV1)) expect(type).toMatch(/^accounts\.[A-Z][A-Za-z]+$/);
  });

  it('accept valid data', () => {
    expect(AgentRegisteredV1.parse(agentRegistered)).toEqual(agentRegistered);
    expect(CustomerOpenedV1.parse(customerOpened)).toEqual(customerOpened);
  });

  it('refuse money and percentages that are not decimal strings', () => {
    expect(AgentRegisteredV1.safeParse({ ...agentRegistered, commissionPercent: 12.5 }).success).toBe(false);
    expect(AgentRegisteredV1.safeParse({ ...agentRegistered, commissionPercent: '100.5' }).success).toBe(false);
    expect(AgentRegisteredV1.safeParse({ ...agentRegistered, lowBalanceThreshold: '-1' }).success).toBe(false);
    expect(CustomerOpenedV1.safeParse({ ...customerOpened, initialBalance: '1.0000001' }).success).toBe(false);
  });

  it('refuse malformed numbers, times and enums', () => {
    expect(CustomerOpenedV1.safeParse({ ...customerOpened, accountNumber: '0123456789' }).success).toBe(false);
    expect(CustomerOpenedV1.safeParse({ ...customerOpened, occurredAt: '2025-03-01 10:00' }).success).toBe(false);
    expect(CustomerOpenedV1.safeParse({ ...customerOpened, billingType: 'credit' }).success).toBe(false);
    expect(CustomerCallerIdsChangedV1.safeParse({ customerId: 'c', callerIds: ['00442079460958'], defaultCallerId: null, ...audit }).success).toBe(false);
    expect(
      CustomerFollowMeChangedV1.safeParse({ customerId: 'c', enabled: true, targets: [{ destination: '+442079460958', ringSeconds: 121 }], ...audit }).success,
    ).toBe(false);
  });

  // a refused request reached no page live: accounts published nothing for pending numbers
  it("publish a customer's CallerID requests (pending list after a request or refusal) apart from its approved CallerIDs", () => {
    const refused = { customerId: 'c', callerId: '+442079460958', change: 'refused', pendingCallerIds: [], ...audit };
    expect(CUSTOMER_CALLER_ID_REQUESTS_CHANGED_V1).toEqual({ type: 'accounts.CustomerCallerIdRequestsChanged', schemaVersion: 1 });
    expect(parseAccountsEventV1('accounts.CustomerCallerIdRequestsChanged', refused)).toEqual({ type: 'accounts.CustomerCallerIdRequestsChanged', data: refused });
    expect(CustomerCallerIdRequestsChangedV1.parse({ ...refused, change: 'requested', pendingCallerIds: ['+442079460958'] }).pendingCallerIds).toEqual(['+442079460958']);
    expect(CustomerCallerIdRequestsChangedV1.safeParse({ ...refused, change: 'approved' }).success).toBe(false);
    expect(CustomerCallerIdRequestsChangedV1.safeParse({ ...refused, pendingCallerIds: ['00442079460958'] }).success).toBe(false);
    expect(CustomerCallerIdRequestsChangedV1.safeParse({ ...refused, callerId: undefined }).success).toBe(false);
    // not the approved list's shape: a consumer of approved CallerIDs cannot mistake one for the other
    expect(CustomerCallerIdsChangedV1.safeParse(refused).success).toBe(false);
  });

  it('let consumers read data with fields added later (forward compatible)', () => {
    expect(AgentRegisteredV1.parse({ ...agentRegistered, addedInV1dot1: 'x' })).toEqual(agentRegistered);
  });

  it('parse by type', () => {
    expect(isAccountsEventTypeV1('accounts.CustomerOpened')).toBe(true);
    expect(isAccountsEventTypeV1('wallet.FundsDeposited')).toBe(false);
    expect(parseAccountsEventV1('accounts.AgentRegistered', agentRegistered)).toEqual({ type: 'accounts.AgentRegistered', data: agentRegistered });
    expect(() => parseAccountsEventV1('accounts.Nope', {})).toThrow('not an accounts v1 event type');
    expect(() => parseAccountsEventV1('accounts.AgentRegistered', { ...agentRegistered, agentId: '' })).toThrow();
  });
});
