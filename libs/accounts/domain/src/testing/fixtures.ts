// Test data shared by the specs of this library (pure data, no test framework).
import type { OpenCustomer } from '../customer/customer.commands.js';
import type { CustomerOpened } from '../customer/customer.events.js';

export const meta = { actor: 'agent:agent-1', now: '2025-03-01T10:00:00Z' };
export const audit = { actor: 'agent:agent-1', occurredAt: '2025-03-01T10:00:00Z' };

/** md5("1000000016:sip.example:secret") — any 32 lowercase hex digits do for the domain. */
export const SIP_HA1 = '6b4f2a0f0b7a2d1c3e5f7a9b1c3d5e7f';

export function openCustomer(overrides: Partial<OpenCustomer> = {}): OpenCustomer {
  return {
    type: 'OpenCustomer',
    customerId: 'customer-1',
    accountNumber: '1000000016',
    agentId: 'agent-1',
    profileId: 'profile-1',
    batchId: null,
    billingType: 'prepaid',
    creditLimitMicros: null,
    rateSheetId: 'sheet-base',
    initialBalanceMicros: 5_000_000n,
    lowBalanceThresholdMicros: 1_000_000n,
    maxConcurrentCalls: 2,
    maxCallDurationSeconds: 3_600,
    language: 'en',
    sipUsername: '1000000016',
    sipHa1: SIP_HA1,
    portalUsername: 'c1000000016',
    contactEmail: 'jane@example.com',
    initialBalanceSource: 'agent',
    meta,
    ...overrides,
  };
}

export const customerOpened: CustomerOpened = {
  type: 'CustomerOpened',
  customerId: 'customer-1',
  accountNumber: '1000000016',
  agentId: 'agent-1',
  profileId: 'profile-1',
  batchId: null,
  billingType: 'prepaid',
  creditLimitMicros: null,
  rateSheetId: 'sheet-base',
  initialBalanceMicros: 5_000_000n,
  lowBalanceThresholdMicros: 1_000_000n,
  maxConcurrentCalls: 2,
  maxCallDurationSeconds: 3_600,
  language: 'en',
  initialBalanceSource: 'agent',
  sipUsername: '1000000016',
  sipHa1: SIP_HA1,
  portalUsername: 'c1000000016',
  contactEmail: 'jane@example.com',
  lowBalanceEmailEnabled: true,
  ...audit,
};

export const postpaidOpened: CustomerOpened = { ...customerOpened, billingType: 'postpaid', creditLimitMicros: 20_000_000n };
