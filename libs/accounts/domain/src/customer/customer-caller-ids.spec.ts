import { spec } from '@billing/decider/testing';
import { audit, customerOpened, meta } from '../testing/fixtures.js';
import type { CustomerCommand } from './customer.commands.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';

const given = (events: CustomerEvent[]) => spec(customerDecider).given(events);
const add = (callerId: string): CustomerCommand => ({ type: 'AddCallerId', customerId: 'customer-1', callerId, customersMayAddCallerIds: true, meta });
const remove = (callerId: string): CustomerCommand => ({ type: 'RemoveCallerId', customerId: 'customer-1', callerId, meta });
const choose = (callerId: string): CustomerCommand => ({ type: 'ChooseDefaultCallerId', customerId: 'customer-1', callerId, meta });

const LONDON = '+442079460958';
const MADRID = '+34912345678';
const NEW_YORK = '+12125550123';

const added = (callerId: string, callerIds: string[], defaultCallerId: string): CustomerEvent => ({
  type: 'CallerIdAdded',
  customerId: 'customer-1',
  callerId,
  callerIds,
  defaultCallerId,
  ...audit,
});
const withThree = [customerOpened, added(LONDON, [LONDON], LONDON), added(MADRID, [LONDON, MADRID], LONDON), added(NEW_YORK, [LONDON, MADRID, NEW_YORK], LONDON)];

describe('AddCallerId', () => {
  it('normalises the number; the first one becomes the default', () => {
    given([customerOpened]).when(add('0044 20-7946-0958')).then([added(LONDON, [LONDON], LONDON)]);
  });

  it('appends later numbers and keeps the default', () => {
    given([customerOpened, added(LONDON, [LONDON], LONDON)]).when(add('+34 (91) 234 5678')).then([added(MADRID, [LONDON, MADRID], LONDON)]);
  });

  it('is idempotent for a number already listed, however it is typed', () => {
    given([customerOpened, added(LONDON, [LONDON], LONDON)]).when(add('+44 20 7946 0958')).thenNothing();
  });

  it.each(['02079460958', '+0442079460958', '+1234567', '+1234567890123456', 'call me', ''])('rejects %p', (input) => {
    given([customerOpened]).when(add(input)).thenRejects('caller ID must be an international number: + and 8 to 15 digits', 'invalid_caller_id');
  });

  it('holds at most 10 numbers', () => {
    const numbers = Array.from({ length: 10 }, (_, i) => `+4420794609${String(i).padStart(2, '0')}`);
    const history = numbers.map((number, i) => added(number, numbers.slice(0, i + 1), numbers[0] as string));
    given([customerOpened, ...history]).when(add(MADRID)).thenRejects('a customer may have at most 10 caller IDs', 'caller_ids_full');
    given([customerOpened, ...history]).when(add(numbers[3] as string)).thenNothing();
  });

  it('refuses an unknown customer', () => given([]).when(add(LONDON)).thenRejects('customer not found', 'customer_not_found'));
});

describe('RemoveCallerId', () => {
  it('removes a number that is not the default', () => {
    given(withThree)
      .when(remove('0034912345678'))
      .then([{ type: 'CallerIdRemoved', customerId: 'customer-1', callerId: MADRID, callerIds: [LONDON, NEW_YORK], defaultCallerId: LONDON, ...audit }]);
  });

  it('removing the default hands it to the oldest remaining number', () => {
    given(withThree)
      .when(remove(LONDON))
      .then([{ type: 'CallerIdRemoved', customerId: 'customer-1', callerId: LONDON, callerIds: [MADRID, NEW_YORK], defaultCallerId: MADRID, ...audit }]);
  });

  it('removing the last number clears the default', () => {
    given([customerOpened, added(LONDON, [LONDON], LONDON)])
      .when(remove(LONDON))
      .then([{ type: 'CallerIdRemoved', customerId: 'customer-1', callerId: LONDON, callerIds: [], defaultCallerId: null, ...audit }]);
  });

  it('is idempotent for a number not listed', () => given(withThree).when(remove('+4930123456789')).thenNothing());

  it('rejects a malformed number', () =>
    given(withThree).when(remove('123')).thenRejects('caller ID must be an international number: + and 8 to 15 digits', 'invalid_caller_id'));
});

describe('ChooseDefaultCallerId', () => {
  it('chooses one of the listed numbers', () => {
    given(withThree)
      .when(choose('+1 212 555 0123'))
      .then([{ type: 'DefaultCallerIdChosen', customerId: 'customer-1', callerIds: [LONDON, MADRID, NEW_YORK], defaultCallerId: NEW_YORK, ...audit }]);
  });

  it('is idempotent', () => given(withThree).when(choose(LONDON)).thenNothing());

  it('the default must be one of the list', () => {
    given(withThree).when(choose('+4930123456789')).thenRejects("the default caller ID must be one of the customer's caller IDs", 'caller_id_not_found');
    given([customerOpened]).when(choose(LONDON)).thenRejects("the default caller ID must be one of the customer's caller IDs", 'caller_id_not_found');
  });

  it('rejects a malformed number', () =>
    given(withThree).when(choose('x')).thenRejects('caller ID must be an international number: + and 8 to 15 digits', 'invalid_caller_id'));
});

describe('evolve', () => {
  it('asserts that the default is one of the list', () => {
    expect(() => [customerOpened, added(LONDON, [LONDON], MADRID)].reduce(customerDecider.evolve, customerDecider.initialState())).toThrow(
      'the default caller ID must be one of the list',
    );
  });

  it('asserts that an added number extends the list', () => {
    expect(() => [customerOpened, added(LONDON, [MADRID], MADRID)].reduce(customerDecider.evolve, customerDecider.initialState())).toThrow(
      'CallerIdAdded does not extend the list',
    );
  });
});
