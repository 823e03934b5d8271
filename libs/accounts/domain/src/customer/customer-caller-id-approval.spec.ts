// CallerID spoofing: a number the customer adds waits for its agent's (or ITC's) approval; only
// approved numbers are in `callerIds` (what the switch and rating see) and can be the default.
import { spec } from '@billing/decider/testing';
import { DEFAULT_FEATURES } from '../features/features.types.js';
import { customerOpened } from '../testing/fixtures.js';
import type { CustomerCommand } from './customer.commands.js';
import { customerDecider } from './customer.decider.js';
import type { CustomerEvent } from './customer.events.js';

const now = '2025-03-01T10:00:00Z';
const CUSTOMER = { actor: 'customer:customer-1', now };
const AGENT = { actor: 'agent:agent-1', now };
const ITC = { actor: 'admin:itc', now };
const OTHER_AGENT = { actor: 'agent:agent-2', now };
const by = (meta: { actor: string }) => ({ actor: meta.actor, occurredAt: now });
type Meta = typeof CUSTOMER;

const LONDON = '+442079460958';
const MADRID = '+34912345678';

const given = (events: CustomerEvent[]) => spec(customerDecider).given(events);
const add = (callerId: string, meta: Meta, customersMayAddCallerIds = true): CustomerCommand => ({ type: 'AddCallerId', customerId: 'customer-1', callerId, customersMayAddCallerIds, meta });
const approve = (callerId: string, meta: Meta): CustomerCommand => ({ type: 'ApproveCallerId', customerId: 'customer-1', callerId, meta });
const reject = (callerId: string, meta: Meta): CustomerCommand => ({ type: 'RejectCallerId', customerId: 'customer-1', callerId, meta });

const requested: CustomerEvent = { type: 'CallerIdRequested', customerId: 'customer-1', callerId: LONDON, pendingCallerIds: [LONDON], ...by(CUSTOMER) };
const approvedByAgent: CustomerEvent = {
  type: 'CallerIdApproved',
  customerId: 'customer-1',
  callerId: LONDON,
  callerIds: [LONDON],
  defaultCallerId: LONDON,
  pendingCallerIds: [],
  ...by(AGENT),
};
const itcDirect: CustomerEvent = { ...customerOpened, agentId: null, initialBalanceSource: 'operator' };

describe('a number the customer adds', () => {
  it('waits for approval: it is not a CallerID yet and not the default', () => {
    given([customerOpened]).when(add('+44 20 7946 0958', CUSTOMER)).then([requested]);
    const state = [customerOpened, requested].reduce(customerDecider.evolve, customerDecider.initialState());
    expect(state).toMatchObject({ callerIds: [], defaultCallerId: null, pendingCallerIds: [LONDON] });
  });

  it('is asked once: adding it again, pending or approved, decides nothing', () => {
    given([customerOpened, requested]).when(add(LONDON, CUSTOMER)).thenNothing();
    given([customerOpened, requested, approvedByAgent]).when(add(LONDON, CUSTOMER)).thenNothing();
  });

  it("is refused (403) when the customer's agent does not let its customers add numbers", () => {
    given([customerOpened])
      .when(add(LONDON, CUSTOMER, false))
      .thenRejects("this customer's agent does not let its customers add caller IDs: ask the agent", 'caller_id_self_service_disabled');
  });

  it("is judged first by the customer's CallerID self-management feature, then by its agent's setting (which governs adds only)", () => {
    const withoutFeature: CustomerEvent = { ...customerOpened, features: { ...DEFAULT_FEATURES, callerIdSelfManagement: false } } as CustomerEvent;
    // both switches off: the feature answers (it says whether the customer manages CallerIDs at all)
    given([withoutFeature])
      .when(add(LONDON, CUSTOMER, false))
      .thenRejects("ITC has not given this customer CallerID self-management: its agent manages its CallerIDs", 'feature_caller_id_self_management_not_assigned');
    // with the feature and the agent's adds switched off, the customer still withdraws a pending number
    const remove: CustomerCommand = { type: 'RemoveCallerId', customerId: 'customer-1', callerId: LONDON, meta: CUSTOMER };
    expect(() => customerDecider.decide(remove, [customerOpened, requested].reduce(customerDecider.evolve, customerDecider.initialState()))).not.toThrow();
    // neither binds the agent
    given([withoutFeature]).when(add(LONDON, AGENT, false)).then([
      { type: 'CallerIdAdded', customerId: 'customer-1', callerId: LONDON, callerIds: [LONDON], defaultCallerId: LONDON, ...by(AGENT) },
    ]);
  });

  it('counts towards the cap of 10 while it waits', () => {
    const numbers = Array.from({ length: 10 }, (_, i) => `+4420794609${String(i).padStart(2, '0')}`);
    const history = numbers.map((number, i): CustomerEvent => ({ type: 'CallerIdRequested', customerId: 'customer-1', callerId: number, pendingCallerIds: numbers.slice(0, i + 1), ...by(CUSTOMER) }));
    given([customerOpened, ...history]).when(add(MADRID, CUSTOMER)).thenRejects('a customer may have at most 10 caller IDs', 'caller_ids_full');
    given([customerOpened, ...history]).when(add(MADRID, AGENT)).thenRejects('a customer may have at most 10 caller IDs', 'caller_ids_full');
  });

  it('cannot be the default while it waits', () => {
    given([customerOpened, requested])
      .when({ type: 'ChooseDefaultCallerId', customerId: 'customer-1', callerId: LONDON, meta: CUSTOMER })
      .thenRejects('the caller ID is still waiting for approval: only an approved number can be the default', 'caller_id_not_approved');
  });

  it('can be withdrawn by removing it', () => {
    given([customerOpened, requested])
      .when({ type: 'RemoveCallerId', customerId: 'customer-1', callerId: LONDON, meta: CUSTOMER })
      .then([{ type: 'CallerIdRejected', customerId: 'customer-1', callerId: LONDON, pendingCallerIds: [], ...by(CUSTOMER) }]);
  });

  it("is refused to another customer (the service answers 404 before; the domain says who may)", () => {
    given([customerOpened]).when(add(LONDON, { actor: 'customer:customer-2', now })).thenRejects("caller IDs are approved by the customer's agent or ITC", 'caller_id_approval_not_allowed');
  });
});

describe('approval', () => {
  it("by the customer's agent makes it a CallerID; the first approved one becomes the default", () => {
    given([customerOpened, requested]).when(approve(LONDON, AGENT)).then([approvedByAgent]);
  });

  it('by ITC, also for an ITC-direct customer', () => {
    given([itcDirect, { ...requested }]).when(approve(LONDON, ITC)).then([{ ...approvedByAgent, ...by(ITC) }]);
  });

  it('keeps the default and the other pending numbers', () => {
    const first: CustomerEvent = { type: 'CallerIdAdded', customerId: 'customer-1', callerId: MADRID, callerIds: [MADRID], defaultCallerId: MADRID, ...by(AGENT) };
    const two: CustomerEvent = { type: 'CallerIdRequested', customerId: 'customer-1', callerId: '+12125550123', pendingCallerIds: [LONDON, '+12125550123'], ...by(CUSTOMER) };
    given([customerOpened, first, requested, two])
      .when(approve(LONDON, AGENT))
      .then([{ ...approvedByAgent, callerIds: [MADRID, LONDON], defaultCallerId: MADRID, pendingCallerIds: ['+12125550123'] }]);
  });

  it('is idempotent', () => given([customerOpened, requested, approvedByAgent]).when(approve(LONDON, AGENT)).thenNothing());

  it('needs a pending number', () => {
    given([customerOpened]).when(approve(LONDON, AGENT)).thenRejects('the caller ID is not waiting for approval: add it first', 'caller_id_not_pending');
  });

  it('is refused to the customer itself and to another agent (403)', () => {
    for (const meta of [CUSTOMER, OTHER_AGENT]) {
      given([customerOpened, requested]).when(approve(LONDON, meta)).thenRejects("caller IDs are approved by the customer's agent or ITC", 'caller_id_approval_not_allowed');
      given([customerOpened, requested]).when(reject(LONDON, meta)).thenRejects("caller IDs are approved by the customer's agent or ITC", 'caller_id_approval_not_allowed');
    }
  });

  it('an agent cannot approve numbers of an ITC-direct customer', () => {
    given([itcDirect, requested]).when(approve(LONDON, AGENT)).thenRejects("caller IDs are approved by the customer's agent or ITC", 'caller_id_approval_not_allowed');
  });

  it('rejects malformed numbers', () => {
    given([customerOpened, requested]).when(approve('123', AGENT)).thenRejects('caller ID must be an international number: + and 8 to 15 digits', 'invalid_caller_id');
  });

  it('refuses a closed customer', () => {
    const closed: CustomerEvent = { type: 'CustomerClosed', customerId: 'customer-1', reason: null, ...by(ITC) };
    given([customerOpened, requested, closed]).when(approve(LONDON, AGENT)).thenRejects('customer is closed', 'customer_closed');
  });
});

describe('rejection', () => {
  const rejected: CustomerEvent = { type: 'CallerIdRejected', customerId: 'customer-1', callerId: LONDON, pendingCallerIds: [], ...by(AGENT) };

  it('drops the pending number; it never becomes a CallerID', () => {
    given([customerOpened, requested]).when(reject('0044 20 7946 0958', AGENT)).then([rejected]);
    const state = [customerOpened, requested, rejected].reduce(customerDecider.evolve, customerDecider.initialState());
    expect(state).toMatchObject({ callerIds: [], defaultCallerId: null, pendingCallerIds: [] });
  });

  it('is idempotent', () => given([customerOpened, requested, rejected]).when(reject(LONDON, AGENT)).thenNothing());

  it('of an approved number is a conflict: remove it instead', () => {
    given([customerOpened, requested, approvedByAgent]).when(reject(LONDON, AGENT)).thenRejects('the caller ID is already approved: remove it instead', 'caller_id_already_approved');
  });
});

describe('numbers added by the agent or ITC', () => {
  it('are approved at once, whatever the self-service policy', () => {
    given([customerOpened]).when(add(LONDON, AGENT, false)).then([
      { type: 'CallerIdAdded', customerId: 'customer-1', callerId: LONDON, callerIds: [LONDON], defaultCallerId: LONDON, ...by(AGENT) },
    ]);
    given([itcDirect]).when(add(LONDON, ITC)).then([{ type: 'CallerIdAdded', customerId: 'customer-1', callerId: LONDON, callerIds: [LONDON], defaultCallerId: LONDON, ...by(ITC) }]);
  });

  it("approve a number the customer asked for when they add it", () => {
    given([customerOpened, requested]).when(add(LONDON, AGENT)).then([approvedByAgent]);
  });

  it("are refused to another agent", () => {
    given([customerOpened]).when(add(LONDON, OTHER_AGENT)).thenRejects("caller IDs are approved by the customer's agent or ITC", 'caller_id_approval_not_allowed');
  });
});

describe('evolve', () => {
  it('asserts that an approved number was pending, and that a number is never both', () => {
    expect(() => [customerOpened, approvedByAgent].reduce(customerDecider.evolve, customerDecider.initialState())).toThrow('CallerIdApproved does not move a pending number');
    const alsoAdded: CustomerEvent = { type: 'CallerIdAdded', customerId: 'customer-1', callerId: LONDON, callerIds: [LONDON], defaultCallerId: LONDON, ...by(AGENT) };
    expect(() => [customerOpened, requested, alsoAdded].reduce(customerDecider.evolve, customerDecider.initialState())).toThrow('both pending and approved');
  });
});
