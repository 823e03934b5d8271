// Folding the SIP-user events into the customer's state. The first user is built from
// CustomerOpened (sipUserOfOpening) and follows SipPasswordChanged.
import { invariant } from '@billing/decider';
import { isSipHa1, isSipUsername } from '../validation/credentials.js';
import type { OpenedCustomer } from '../customer/customer.state.js';
import { MAX_SIP_USERS } from './sip-user.rejections.js';
import type { SipUser, SipUserEvent } from './sip-user.types.js';

/** The account's first user: the SIP user the customer was opened with. */
export function sipUserOfOpening(sipUsername: string, sipHa1: string): SipUser {
  return { sipUsername, sipHa1, displayName: null, callerId: null, maxConcurrentCalls: null, status: 'active' };
}

export function evolveSipUsers(customer: OpenedCustomer, event: SipUserEvent): OpenedCustomer {
  const id = customer.customerId;
  const has = customer.sipUsers.some((u) => u.sipUsername === event.sipUsername);
  switch (event.type) {
    case 'SipUserAdded': {
      invariant(!has && isSipUsername(event.sipUsername) && isSipHa1(event.sipHa1), `customer ${id}: SipUserAdded of an existing or malformed user`);
      invariant(customer.sipUsers.length < MAX_SIP_USERS, `customer ${id}: more than ${MAX_SIP_USERS} SIP users`);
      const { type: _type, customerId: _customer, actor: _actor, occurredAt: _at, ...user } = event;
      return { ...customer, sipUsers: [...customer.sipUsers, user], removedSipUsernames: customer.removedSipUsernames.filter((name) => name !== user.sipUsername) };
    }
    case 'SipUserChanged':
      invariant(has, `customer ${id}: SipUserChanged of unknown user ${event.sipUsername}`);
      return withUser(customer, event.sipUsername, (u) => ({
        ...u,
        displayName: event.displayName,
        callerId: event.callerId,
        maxConcurrentCalls: event.maxConcurrentCalls,
        status: event.status,
      }));
    case 'SipUserRemoved':
      invariant(has && event.sipUsername !== customer.sipUsername, `customer ${id}: SipUserRemoved of the first or an unknown user`);
      return { ...customer, sipUsers: customer.sipUsers.filter((u) => u.sipUsername !== event.sipUsername), removedSipUsernames: [...customer.removedSipUsernames, event.sipUsername] };
    case 'SipUserPasswordChanged':
      invariant(has && isSipHa1(event.sipHa1), `customer ${id}: SipUserPasswordChanged of an unknown user or malformed HA1`);
      return withUser(customer, event.sipUsername, (u) => ({ ...u, sipHa1: event.sipHa1 }));
  }
}

export function withUser(customer: OpenedCustomer, sipUsername: string, change: (user: SipUser) => SipUser): OpenedCustomer {
  return { ...customer, sipUsers: customer.sipUsers.map((u) => (u.sipUsername === sipUsername ? change(u) : u)) };
}

/** The CallerID a user presents: its own while the account still has it approved, else the account's default. */
export function effectiveCallerId(user: Pick<SipUser, 'callerId'>, account: { callerIds: readonly string[]; defaultCallerId: string | null }): string | null {
  return user.callerId !== null && account.callerIds.includes(user.callerId) ? user.callerId : account.defaultCallerId;
}
