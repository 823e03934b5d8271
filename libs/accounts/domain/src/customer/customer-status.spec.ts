import { spec } from '@billing/decider/testing';
import { audit, customerOpened, meta } from '../testing/fixtures.js';
import type { CustomerCommand } from './customer.commands.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';

const given = (events: CustomerEvent[]) => spec(customerDecider).given(events);
const suspend = (reason: string | null = 'fraud check'): CustomerCommand => ({ type: 'SuspendCustomer', customerId: 'customer-1', reason, meta });
const reactivate: CustomerCommand = { type: 'ReactivateCustomer', customerId: 'customer-1', meta };
const close = (reason: string | null = null): CustomerCommand => ({ type: 'CloseCustomer', customerId: 'customer-1', reason, meta });

const suspended: CustomerEvent = { type: 'CustomerSuspended', customerId: 'customer-1', reason: 'fraud check', ...audit };
const closed: CustomerEvent = { type: 'CustomerClosed', customerId: 'customer-1', reason: null, ...audit };

describe('SuspendCustomer', () => {
  it('suspends an active customer', () => given([customerOpened]).when(suspend()).then([suspended]));
  it('is idempotent', () => given([customerOpened, suspended]).when(suspend()).thenNothing());
  it('refuses a closed customer', () => given([customerOpened, closed]).when(suspend()).thenRejects('customer is closed', 'customer_closed'));
  it('refuses an unknown customer', () => given([]).when(suspend()).thenRejects('customer not found', 'customer_not_found'));
  it('refuses a too long reason', () =>
    given([customerOpened]).when(suspend('x'.repeat(501))).thenRejects('reason must be at most 500 characters', 'invalid_reason'));
});

describe('ReactivateCustomer', () => {
  it('reactivates a suspended customer', () =>
    given([customerOpened, suspended]).when(reactivate).then([{ type: 'CustomerReactivated', customerId: 'customer-1', ...audit }]));
  it('is idempotent', () => given([customerOpened]).when(reactivate).thenNothing());
  it('cannot reactivate a closed customer', () =>
    given([customerOpened, suspended, closed]).when(reactivate).thenRejects('a closed customer cannot be reactivated', 'customer_closed'));
  it('refuses an unknown customer', () => given([]).when(reactivate).thenRejects('customer not found', 'customer_not_found'));
});

describe('CloseCustomer', () => {
  it('closes an active customer', () => given([customerOpened]).when(close()).then([closed]));
  it('closes a suspended customer, with a reason', () =>
    given([customerOpened, suspended]).when(close('moved away')).then([{ ...closed, reason: 'moved away' }]));
  it('is idempotent', () => given([customerOpened, closed]).when(close()).thenNothing());
  it('refuses an unknown customer', () => given([]).when(close()).thenRejects('customer not found', 'customer_not_found'));
});

describe('a closed customer is terminal', () => {
  it.each<CustomerCommand>([
    { type: 'AddCallerId', customerId: 'customer-1', callerId: '+442079460958', customersMayAddCallerIds: true, meta },
    { type: 'RemoveCallerId', customerId: 'customer-1', callerId: '+442079460958', meta },
    { type: 'ChooseDefaultCallerId', customerId: 'customer-1', callerId: '+442079460958', meta },
    { type: 'SetFollowMe', customerId: 'customer-1', enabled: false, targets: [], meta },
    { type: 'SetFollowMeEnabled', customerId: 'customer-1', enabled: false, meta },
    { type: 'ChangeCustomerSettings', customerId: 'customer-1', changes: { language: 'es' }, meta },
    { type: 'ChangeCustomerRateSheet', customerId: 'customer-1', rateSheetId: 'sheet-gold', meta },
    { type: 'ChangeCustomerCreditLimit', customerId: 'customer-1', creditLimitMicros: 1n, meta },
    { type: 'ChangeSipPassword', customerId: 'customer-1', sipHa1: 'f'.repeat(32), meta },
  ])('refuses $type', (command) => {
    given([customerOpened, closed]).when(command).thenRejects('customer is closed', 'customer_closed');
  });

  it('asserts that no event follows CustomerClosed', () => {
    const state = [customerOpened, closed].reduce(customerDecider.evolve, customerDecider.initialState());
    expect(() => customerDecider.evolve(state, suspended)).toThrow('after customer customer-1 was closed');
  });
});
