// SIP users under one customer account: every effect, every rejection, and the retries that
// decide nothing.
import { spec } from '@billing/decider/testing';
import { customerOpened, SIP_HA1 } from '../testing/fixtures.js';
import type { CustomerCommand } from '../customer/customer.commands.js';
import { customerDecider } from '../customer/customer.decider.js';
import type { CustomerEvent } from '../customer/customer.events.js';
import { effectiveCallerId } from './sip-user.evolve.js';

const now = '2025-03-01T10:00:00Z';
const AGENT = { actor: 'agent:agent-1', now };
const ITC = { actor: 'admin:itc', now };
const OTHER_AGENT = { actor: 'agent:agent-2', now };
const CUSTOMER = { actor: 'customer:customer-1', now };
const OTHER_CUSTOMER = { actor: 'customer:customer-2', now };
type Meta = typeof AGENT;
const by = (meta: Meta) => ({ actor: meta.actor, occurredAt: now });
const OTHER_HA1 = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const LONDON = '+442079460958';
const MADRID = '+34912345678';

const given = (events: CustomerEvent[]) => spec(customerDecider).given(events);
const add = (overrides: Partial<Extract<CustomerCommand, { type: 'AddSipUser' }>> = {}, meta: Meta = AGENT): CustomerCommand => ({
  type: 'AddSipUser',
  customerId: 'customer-1',
  sipUsername: 'desk-2',
  sipHa1: SIP_HA1,
  displayName: 'Desk 2',
  callerId: null,
  maxConcurrentCalls: null,
  meta,
  ...overrides,
});
const change = (changes: Extract<CustomerCommand, { type: 'ChangeSipUser' }>['changes'], meta: Meta = AGENT, sipUsername = 'desk-2'): CustomerCommand => ({
  type: 'ChangeSipUser',
  customerId: 'customer-1',
  sipUsername,
  changes,
  meta,
});
const remove = (sipUsername: string, meta: Meta = AGENT): CustomerCommand => ({ type: 'RemoveSipUser', customerId: 'customer-1', sipUsername, meta });
const password = (sipUsername: string, sipHa1: string, meta: Meta): CustomerCommand => ({ type: 'ChangeSipUserPassword', customerId: 'customer-1', sipUsername, sipHa1, meta });

const added: CustomerEvent = {
  type: 'SipUserAdded',
  customerId: 'customer-1',
  sipUsername: 'desk-2',
  sipHa1: SIP_HA1,
  displayName: 'Desk 2',
  callerId: null,
  maxConcurrentCalls: null,
  status: 'active',
  ...by(AGENT),
};
const london: CustomerEvent = { type: 'CallerIdAdded', customerId: 'customer-1', callerId: LONDON, callerIds: [LONDON], defaultCallerId: LONDON, ...by(AGENT) };
const madridPending: CustomerEvent = { type: 'CallerIdRequested', customerId: 'customer-1', callerId: MADRID, pendingCallerIds: [MADRID], ...by(CUSTOMER) };
const stateOf = (events: CustomerEvent[]) => events.reduce(customerDecider.evolve, customerDecider.initialState());

describe('the first SIP user', () => {
  it('is the one the account was opened with', () => {
    const state = stateOf([customerOpened]);
    expect(state.status !== 'none' && state.sipUsers).toEqual([
      { sipUsername: '1000000016', sipHa1: SIP_HA1, displayName: null, callerId: null, maxConcurrentCalls: null, status: 'active' },
    ]);
  });

  it('cannot be removed (409 first_sip_user), but its password changes as SipPasswordChanged', () => {
    given([customerOpened]).when(remove('1000000016')).thenRejects("the account's first SIP user cannot be removed (suspend it instead)", 'first_sip_user');
    given([customerOpened])
      .when(password('1000000016', OTHER_HA1, CUSTOMER))
      .then([{ type: 'SipPasswordChanged', customerId: 'customer-1', sipHa1: OTHER_HA1, ...by(CUSTOMER) }]);
    const state = stateOf([customerOpened, { type: 'SipPasswordChanged', customerId: 'customer-1', sipHa1: OTHER_HA1, ...by(CUSTOMER) }]);
    expect(state.status !== 'none' && [state.sipHa1, state.sipUsers[0]?.sipHa1]).toEqual([OTHER_HA1, OTHER_HA1]);
  });
});

describe('adding a SIP user', () => {
  it('by the agent or ITC adds it; the same addition again (even with another password) decides nothing', () => {
    given([customerOpened]).when(add()).then([added]);
    given([customerOpened]).when(add({}, ITC)).then([{ ...added, ...by(ITC) }]);
    given([customerOpened, added]).when(add()).then([]);
    given([customerOpened, added]).when(add({ sipHa1: OTHER_HA1 })).then([]);
  });

  it('with the same username but other settings is 409 sip_user_exists', () => {
    given([customerOpened, added]).when(add({ maxConcurrentCalls: 1 })).thenRejects('this customer already has a SIP user with that username and other settings', 'sip_user_exists');
    given([customerOpened, added]).when(add({ displayName: 'Other' })).thenRejects('this customer already has a SIP user with that username and other settings', 'sip_user_exists');
  });

  it('is refused to the customer and to another agent (403 sip_users_managed_by_agent)', () => {
    const message = "SIP users are added and changed by the customer's agent or ITC";
    given([customerOpened]).when(add({}, CUSTOMER)).thenRejects(message, 'sip_users_managed_by_agent');
    given([customerOpened]).when(add({}, OTHER_AGENT)).thenRejects(message, 'sip_users_managed_by_agent');
  });

  it('checks the username, the HA1 and the display name', () => {
    given([customerOpened]).when(add({ sipUsername: 'No Spaces' })).thenRejects('SIP username must be 3 to 32 characters: lowercase letters, digits and . _ -', 'invalid_sip_username');
    given([customerOpened]).when(add({ sipHa1: 'nothex' })).thenRejects('SIP HA1 must be 32 lowercase hex digits', 'invalid_sip_ha1');
    given([customerOpened]).when(add({ displayName: ' ' })).thenRejects('display name must be 1 to 100 characters, or null', 'invalid_display_name');
  });

  it("takes a default CallerID only from the account's approved numbers", () => {
    given([customerOpened, london]).when(add({ callerId: '+44 20 7946 0958' })).then([{ ...added, callerId: LONDON }]);
    given([customerOpened, london]).when(add({ callerId: 'abc' })).thenRejects('caller ID must be an international number: + and 8 to 15 digits', 'invalid_caller_id');
    given([customerOpened, london]).when(add({ callerId: '+12125550123' })).thenRejects("a SIP user's CallerID must be one of the customer's approved caller IDs", 'caller_id_not_found');
    given([customerOpened, madridPending])
      .when(add({ callerId: MADRID }))
      .thenRejects("the caller ID is still waiting for approval: only an approved number can be a SIP user's CallerID", 'caller_id_not_approved');
  });

  it("takes a concurrent-call limit from 1 to the account's", () => {
    given([customerOpened]).when(add({ maxConcurrentCalls: 2 })).then([{ ...added, maxConcurrentCalls: 2 }]);
    const message = "a SIP user's concurrent-call limit must be a whole number from 1 to the account's 2, or null";
    for (const limit of [0, 3, 1.5]) given([customerOpened]).when(add({ maxConcurrentCalls: limit })).thenRejects(message, 'invalid_sip_user_limit');
  });

  it('stops at 100 users (409 too_many_sip_users)', () => {
    const many: CustomerEvent[] = Array.from({ length: 99 }, (_, i) => ({ ...added, sipUsername: `desk-${100 + i}` }));
    given([customerOpened, ...many]).when(add()).thenRejects('a customer may have at most 100 SIP users', 'too_many_sip_users');
  });

  it('is refused on a closed or unknown customer', () => {
    given([customerOpened, { type: 'CustomerClosed', customerId: 'customer-1', reason: null, ...by(ITC) }]).when(add()).thenRejects('customer is closed', 'customer_closed');
    given([]).when(add()).thenRejects('customer not found', 'customer_not_found');
  });
});

describe('changing a SIP user', () => {
  const changed = (fields: object, meta: Meta = AGENT): CustomerEvent =>
    ({ type: 'SipUserChanged', customerId: 'customer-1', sipUsername: 'desk-2', displayName: 'Desk 2', callerId: null, maxConcurrentCalls: null, status: 'active', ...fields, ...by(meta) }) as CustomerEvent;

  it('renames, suspends, reactivates, sets its CallerID and limit; the same values again decide nothing', () => {
    given([customerOpened, added]).when(change({ displayName: 'Reception' })).then([changed({ displayName: 'Reception' })]);
    given([customerOpened, added]).when(change({ status: 'suspended' }, ITC)).then([changed({ status: 'suspended' }, ITC)]);
    given([customerOpened, added, changed({ status: 'suspended' })]).when(change({ status: 'active' })).then([changed({ status: 'active' })]);
    given([customerOpened, london, added]).when(change({ callerId: LONDON, maxConcurrentCalls: 1 })).then([changed({ callerId: LONDON, maxConcurrentCalls: 1 })]);
    given([customerOpened, added]).when(change({ displayName: 'Desk 2' })).then([]);
    given([customerOpened, added]).when(change({ displayName: undefined, status: 'suspended' })).then([changed({ status: 'suspended' })]);
    given([customerOpened, added]).when(change({ displayName: null })).then([changed({ displayName: null })]);
  });

  it('checks every value and the actor', () => {
    given([customerOpened, added]).when(change({ maxConcurrentCalls: 5 })).thenRejects("a SIP user's concurrent-call limit must be a whole number from 1 to the account's 2, or null", 'invalid_sip_user_limit');
    given([customerOpened, added]).when(change({ callerId: MADRID })).thenRejects("a SIP user's CallerID must be one of the customer's approved caller IDs", 'caller_id_not_found');
    given([customerOpened, added]).when(change({ displayName: 'x'.repeat(101) })).thenRejects('display name must be 1 to 100 characters, or null', 'invalid_display_name');
    given([customerOpened, added]).when(change({ status: 'suspended' }, CUSTOMER)).thenRejects("SIP users are added and changed by the customer's agent or ITC", 'sip_users_managed_by_agent');
    given([customerOpened, added]).when(change({ status: 'suspended' }, AGENT, 'nobody')).thenRejects('this customer has no such SIP user', 'sip_user_not_found');
  });

  it("falls back to the account's default CallerID once the user's number is removed from the account", () => {
    const removed: CustomerEvent = { type: 'CallerIdRemoved', customerId: 'customer-1', callerId: LONDON, callerIds: [], defaultCallerId: null, ...by(AGENT) };
    const state = stateOf([customerOpened, london, { ...added, callerId: LONDON }, removed]);
    if (state.status === 'none') throw new Error('opened');
    expect(effectiveCallerId(state.sipUsers[1]!, state)).toBeNull();
    expect(effectiveCallerId({ callerId: LONDON }, { callerIds: [LONDON, MADRID], defaultCallerId: MADRID })).toBe(LONDON);
    expect(effectiveCallerId({ callerId: null }, { callerIds: [LONDON, MADRID], defaultCallerId: MADRID })).toBe(MADRID);
  });
});

describe('removing a SIP user and its password', () => {
  it('removes it; removing it again decides nothing', () => {
    const removed: CustomerEvent = { type: 'SipUserRemoved', customerId: 'customer-1', sipUsername: 'desk-2', ...by(AGENT) };
    given([customerOpened, added]).when(remove('desk-2')).then([removed]);
    given([customerOpened, added, removed]).when(remove('desk-2')).then([]);
    given([customerOpened, added]).when(remove('desk-2', CUSTOMER)).thenRejects("SIP users are added and changed by the customer's agent or ITC", 'sip_users_managed_by_agent');
    const state = stateOf([customerOpened, added, removed]);
    expect(state.status !== 'none' && state.sipUsers.map((u) => u.sipUsername)).toEqual(['1000000016']);
  });

  it('a user the account never had is 404 sip_user_not_found; one removed and added again is removed again', () => {
    const removed: CustomerEvent = { type: 'SipUserRemoved', customerId: 'customer-1', sipUsername: 'desk-2', ...by(AGENT) };
    given([customerOpened, added]).when(remove('nobody')).thenRejects('this customer has no such SIP user', 'sip_user_not_found');
    given([customerOpened]).when(remove('desk-2')).thenRejects('this customer has no such SIP user', 'sip_user_not_found');
    given([customerOpened, added, removed, added]).when(remove('desk-2')).then([removed]);
  });

  it('a new password by the customer itself, its agent or ITC; the same HA1 again decides nothing', () => {
    const changed: CustomerEvent = { type: 'SipUserPasswordChanged', customerId: 'customer-1', sipUsername: 'desk-2', sipHa1: OTHER_HA1, ...by(CUSTOMER) };
    given([customerOpened, added]).when(password('desk-2', OTHER_HA1, CUSTOMER)).then([changed]);
    given([customerOpened, added]).when(password('desk-2', OTHER_HA1, ITC)).then([{ ...changed, ...by(ITC) }]);
    given([customerOpened, added]).when(password('desk-2', SIP_HA1, AGENT)).then([]);
    given([customerOpened, added]).when(password('desk-2', OTHER_HA1, OTHER_CUSTOMER)).thenRejects("SIP users are added and changed by the customer's agent or ITC", 'sip_users_managed_by_agent');
    given([customerOpened, added]).when(password('desk-2', 'bad', AGENT)).thenRejects('SIP HA1 must be 32 lowercase hex digits', 'invalid_sip_ha1');
    given([customerOpened, added]).when(password('nobody', OTHER_HA1, AGENT)).thenRejects('this customer has no such SIP user', 'sip_user_not_found');
    const state = stateOf([customerOpened, added, changed]);
    expect(state.status !== 'none' && state.sipUsers[1]?.sipHa1).toBe(OTHER_HA1);
  });
});
