// IPBX trunk addresses on a customer account: every effect, every rejection, and the retries that
// decide nothing.
import { spec } from '@billing/decider/testing';
import { customerOpened } from '../testing/fixtures.js';
import type { CustomerCommand } from '../customer/customer.commands.js';
import { customerDecider } from '../customer/customer.decider.js';
import type { CustomerEvent } from '../customer/customer.events.js';
import { MAX_TRUNK_ADDRESSES } from './trunk-address.rejections.js';
import { prefixesDistinguish, trunkAddressesConflict } from './trunk-address.rules.js';

const now = '2025-03-01T10:00:00Z';
const ITC = { actor: 'admin:itc', now };
const AGENT = { actor: 'agent:agent-1', now };
const CUSTOMER = { actor: 'customer:customer-1', now };
type Meta = typeof ITC;
const by = (meta: Meta) => ({ actor: meta.actor, occurredAt: now });

const given = (events: CustomerEvent[]) => spec(customerDecider).given(events);
const add = (address: string, techPrefix: string | null = null, meta: Meta = ITC): CustomerCommand => ({ type: 'AddTrunkAddress', customerId: 'customer-1', address, techPrefix, meta });
const remove = (address: string, techPrefix: string | null = null, meta: Meta = ITC): CustomerCommand => ({ type: 'RemoveTrunkAddress', customerId: 'customer-1', address, techPrefix, meta });
const added = (network: string, techPrefix: string | null = null): CustomerEvent => ({ type: 'TrunkAddressAdded', customerId: 'customer-1', network, techPrefix, ...by(ITC) });
const removed = (network: string, techPrefix: string | null = null): CustomerEvent => ({ type: 'TrunkAddressRemoved', customerId: 'customer-1', network, techPrefix, ...by(ITC) });
const stateOf = (events: CustomerEvent[]) => events.reduce(customerDecider.evolve, customerDecider.initialState());
const OVERLAP = /overlaps this address/;

describe('adding a trunk address', () => {
  it('by ITC records it in canonical CIDR; the same address again decides nothing', () => {
    given([customerOpened]).when(add('203.0.113.7')).then([added('203.0.113.7/32')]);
    given([customerOpened]).when(add('2001:DB8:0::/48', '12#')).then([added('2001:db8::/48', '12#')]);
    given([customerOpened, added('203.0.113.7/32')]).when(add('203.0.113.7/32')).thenNothing();
    const state = stateOf([customerOpened, added('203.0.113.0/24', '11')]);
    expect(state.status !== 'none' && state.trunkAddresses).toEqual([{ network: '203.0.113.0/24', techPrefix: '11' }]);
  });

  it('is ITC’s alone: the agent and the customer are refused (403)', () => {
    for (const meta of [AGENT, CUSTOMER]) {
      given([customerOpened]).when(add('203.0.113.7', null, meta)).thenRejects('trunk addresses are registered and removed by ITC', 'trunk_addresses_managed_by_itc');
      given([customerOpened, added('203.0.113.7/32')]).when(remove('203.0.113.7', null, meta)).thenRejects('trunk addresses are registered and removed by ITC', 'trunk_addresses_managed_by_itc');
    }
  });

  it('refuses a malformed address, host bits after the prefix and a malformed tech prefix (422)', () => {
    given([customerOpened]).when(add('203.0.113.256')).thenRejects(/is not an IPv4 or IPv6 address/, 'invalid_trunk_address');
    given([customerOpened]).when(add('203.0.113.7/24')).thenRejects(/write the network's first address \(203\.0\.113\.0\/24\)/, 'invalid_trunk_address');
    given([customerOpened]).when(add('203.0.113.0/33')).thenRejects(/prefix length/, 'invalid_trunk_address');
    for (const prefix of ['', 'ab', '12345678901', '1 2']) {
      given([customerOpened]).when(add('203.0.113.7', prefix)).thenRejects('a tech prefix is 1 to 10 of 0–9 * #, or null', 'invalid_tech_prefix');
    }
  });

  it('refuses an address overlapping another of the account unless tech prefixes tell them apart (409)', () => {
    const history = [customerOpened, added('203.0.113.0/24')];
    given(history).when(add('203.0.113.7')).thenRejects(OVERLAP, 'trunk_address_overlaps');
    given(history).when(add('203.0.112.0/23', '11')).thenRejects(OVERLAP, 'trunk_address_overlaps');
    given(history).when(add('203.0.113.0/24', '11')).thenRejects(OVERLAP, 'trunk_address_overlaps');
    given([customerOpened, added('203.0.113.0/24', '11')]).when(add('203.0.113.7', '1')).thenRejects(/tech prefix 11/, 'trunk_address_overlaps');
    given([customerOpened, added('203.0.113.0/24', '11')]).when(add('203.0.113.7', '112')).thenRejects(OVERLAP, 'trunk_address_overlaps');
    given([customerOpened, added('203.0.113.0/24', '11')]).when(add('203.0.113.7', '12')).then([added('203.0.113.7/32', '12')]);
    // no overlap: another network, another family
    given(history).when(add('203.0.114.0/24')).then([added('203.0.114.0/24')]);
    given(history).when(add('::ffff:203.0.113.7')).then([added('::ffff:cb00:7107/128')]);
  });

  it(`refuses more than ${MAX_TRUNK_ADDRESSES} addresses (409)`, () => {
    const full = Array.from({ length: MAX_TRUNK_ADDRESSES }, (_, i) => added(`10.0.${i}.0/24`));
    given([customerOpened, ...full]).when(add('10.1.0.0/24')).thenRejects(`a customer may have at most ${MAX_TRUNK_ADDRESSES} trunk addresses`, 'too_many_trunk_addresses');
  });

  it('refuses a closed customer (409)', () => {
    given([customerOpened, { type: 'CustomerClosed', customerId: 'customer-1', reason: null, ...by(ITC) }]).when(add('203.0.113.7')).thenRejects('customer is closed', 'customer_closed');
  });
});

describe('removing a trunk address', () => {
  it('removes the entry named by address and tech prefix; removing it again decides nothing', () => {
    const history = [customerOpened, added('203.0.113.0/24', '11')];
    given(history).when(remove('203.0.113.0/24', '11')).then([removed('203.0.113.0/24', '11')]);
    given(history).when(remove('203.0.113.0/24')).thenNothing();
    given([...history, removed('203.0.113.0/24', '11')]).when(remove('203.0.113.0/24', '11')).thenNothing();
    given(history).when(remove('203.0.113.0/99', '11')).thenRejects(/prefix length/, 'invalid_trunk_address');
    const state = stateOf([...history, removed('203.0.113.0/24', '11')]);
    expect(state.status !== 'none' && state.trunkAddresses).toEqual([]);
  });
});

describe('the overlap rule', () => {
  test.each([
    ['11', '12', true],
    ['11', '112', false],
    ['11', '11', false],
    [null, '11', false],
    [null, null, false],
    ['*1', '#1', true],
  ])('prefixes %p and %p tell calls apart: %p', (a, b, expected) => {
    expect(prefixesDistinguish(a, b)).toBe(expected);
    expect(prefixesDistinguish(b, a)).toBe(expected);
  });

  it('only overlapping networks can conflict', () => {
    expect(trunkAddressesConflict({ network: '203.0.113.0/24', techPrefix: null }, { network: '203.0.113.128/25', techPrefix: null })).toBe(true);
    expect(trunkAddressesConflict({ network: '203.0.113.0/25', techPrefix: null }, { network: '203.0.113.128/25', techPrefix: null })).toBe(false);
  });
});
