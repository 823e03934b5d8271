// Folding the trunk-address events into the customer's state.
import { invariant } from '@billing/decider';
import type { OpenedCustomer } from '../customer/customer.state.js';
import { sameAddress } from './trunk-address.decide.js';
import type { TrunkAddressEvent } from './trunk-address.types.js';

export function evolveTrunkAddresses(customer: OpenedCustomer, event: TrunkAddressEvent): OpenedCustomer {
  const address = { network: event.network, techPrefix: event.techPrefix };
  const has = customer.trunkAddresses.some((a) => sameAddress(a, address));
  if (event.type === 'TrunkAddressAdded') {
    invariant(!has, `customer ${customer.customerId}: TrunkAddressAdded of an address it has`);
    return { ...customer, trunkAddresses: [...customer.trunkAddresses, address] };
  }
  invariant(has, `customer ${customer.customerId}: TrunkAddressRemoved of an address it has not`);
  return { ...customer, trunkAddresses: customer.trunkAddresses.filter((a) => !sameAddress(a, address)) };
}
