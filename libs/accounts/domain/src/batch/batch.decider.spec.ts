import { spec } from '@billing/decider/testing';
import { customerDecider } from '../customer/customer.decider.js';
import { meta, SIP_HA1 } from '../testing/fixtures.js';
import { nextAccountNumber } from '../validation/account-number.js';
import type { BatchCustomer, OpenCustomerBatch } from './batch.commands.js';
import { customerCommandsOfBatch } from './batch-customers.js';
import { batchDecider } from './batch.decider.js';
import type { BatchEvent, BatchOpened } from './batch.events.js';

const given = (events: BatchEvent[]) => spec(batchDecider).given(events);

const customersFrom = (first: number, count: number): BatchCustomer[] =>
  Array.from({ length: count }, (_, i) => {
    const accountNumber = nextAccountNumber(first + i);
    return { customerId: `customer-${first + i}`, accountNumber, sipUsername: accountNumber, sipHa1: SIP_HA1, portalUsername: `c${accountNumber}` };
  });

const terms = {
  billingType: 'prepaid' as const,
  creditLimitMicros: null,
  rateSheetId: 'sheet-agent',
  initialBalanceMicros: 10_000_000n,
  lowBalanceThresholdMicros: 1_000_000n,
  maxConcurrentCalls: 1,
  maxCallDurationSeconds: 3_600,
  language: 'en',
};

const openBatch = (count: number, overrides: Partial<OpenCustomerBatch> = {}): OpenCustomerBatch => ({
  type: 'OpenCustomerBatch',
  batchId: 'batch-1',
  count,
  profileId: 'profile-1',
  agentId: 'agent-1',
  ...terms,
  initialBalanceSource: 'operator',
  customers: customersFrom(1, count),
  meta: { ...meta, actor: 'admin:1' },
  ...overrides,
});

const opened = (count: number): BatchOpened => ({
  type: 'BatchOpened',
  batchId: 'batch-1',
  profileId: 'profile-1',
  agentId: 'agent-1',
  ...terms,
  initialBalanceSource: 'operator',
  count,
  customers: customersFrom(1, count),
  actor: 'admin:1',
  occurredAt: meta.now,
});

describe('OpenCustomerBatch', () => {
  it('opens a batch of 10, listing every customer', () => {
    given([]).when(openBatch(10)).then([opened(10)]);
  });

  it('opens a batch of 1000', () => {
    expect(spec(batchDecider).given([]).when(openBatch(1000)).events()[0]?.customers).toHaveLength(1000);
  });

  it('refuses fewer than 10 customers', () => {
    given([]).when(openBatch(9)).thenRejects('a batch must open at least 10 customers', 'batch_too_small');
    given([]).when(openBatch(0)).thenRejects('a batch must open at least 10 customers', 'batch_too_small');
  });

  it('refuses more than 1000 customers', () => {
    given([]).when(openBatch(1001)).thenRejects('a batch may open at most 1000 customers', 'batch_too_large');
  });

  it('refuses a count that is not a whole number', () => {
    given([]).when(openBatch(10, { count: 10.5 })).thenRejects('batch count must be a whole number', 'invalid_batch_count');
  });

  it('needs exactly one set of credentials per customer', () => {
    given([]).when(openBatch(10, { customers: customersFrom(1, 11) })).thenRejects('batch lists 11 customers but its count is 10', 'batch_count_mismatch');
  });

  it.each(['customerId', 'accountNumber', 'sipUsername', 'portalUsername'] as const)('refuses a repeated %s', (field) => {
    const customers = customersFrom(1, 10);
    const [first, second] = customers as [BatchCustomer, BatchCustomer];
    customers[1] = { ...second, [field]: first[field] };
    const label = { customerId: 'customer id', accountNumber: 'account number', sipUsername: 'SIP username', portalUsername: 'portal username' }[field];
    given([]).when(openBatch(10, { customers })).thenRejects(`batch repeats the ${label} "${first[field]}"`, 'batch_duplicate');
  });

  it('checks every customer like OpenCustomer does', () => {
    const customers = customersFrom(1, 10);
    customers[9] = { ...(customers[9] as BatchCustomer), accountNumber: '1000000017' };
    given([]).when(openBatch(10, { customers })).thenRejects('account number must be 10 digits with a valid check digit', 'invalid_account_number');
  });

  it('checks the terms', () => {
    given([]).when(openBatch(10, { maxConcurrentCalls: 0 })).thenRejects('max concurrent calls must be a whole number from 1 to 1000', 'invalid_max_concurrent_calls');
    given([]).when(openBatch(10, { agentId: null, initialBalanceSource: 'agent' })).thenRejects(
      'an ITC-direct customer cannot be funded from an agent balance',
      'invalid_initial_balance_source',
    );
  });

  it('is idempotent: the same batch again decides nothing', () => {
    given([opened(10)]).when(openBatch(10)).thenNothing();
  });

  it('refuses another batch under the same id', () => {
    given([opened(10)]).when(openBatch(10, { customers: customersFrom(100, 10) })).thenRejects('batch already opened', 'batch_exists');
  });
});

describe('customerCommandsOfBatch', () => {
  it('gives one OpenCustomer per listed customer, each accepted by the customer decider', () => {
    const commands = customerCommandsOfBatch(opened(10));
    expect(commands).toHaveLength(10);
    expect(commands[0]).toMatchObject({ customerId: 'customer-1', batchId: 'batch-1', agentId: 'agent-1', contactEmail: null, rateSheetId: 'sheet-agent' });
    for (const command of commands) {
      expect(customerDecider.decide(command, customerDecider.initialState())).toEqual([
        expect.objectContaining({ type: 'CustomerOpened', customerId: command.customerId, batchId: 'batch-1', actor: 'admin:1' }),
      ]);
    }
  });
});

describe('evolve', () => {
  it('remembers the customer ids', () => {
    expect(batchDecider.evolve(batchDecider.initialState(), opened(10))).toEqual({
      status: 'opened',
      batchId: 'batch-1',
      customerIds: customersFrom(1, 10).map((customer) => customer.customerId),
    });
  });

  it('asserts the count and the bounds', () => {
    expect(() => batchDecider.evolve(batchDecider.initialState(), { ...opened(10), count: 11 })).toThrow('count 11 but 10 customers');
    expect(() => batchDecider.evolve(batchDecider.initialState(), opened(9))).toThrow('out of bounds');
  });
});
