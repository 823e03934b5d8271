// Deciding the SIP-user commands on the customer's state. ITC and the customer's agent manage
// users; the customer itself may only give a user a new password (the role rule lives here so
// every path obeys it). A repeated command whose effect is in place decides nothing.
import { rejections } from '../rejections.js';
import { actorOf, isAgent, isItc } from '../shared/actor.js';
import { auditOf, type CommandMeta } from '../shared/command-meta.js';
import { isSipHa1, isSipUsername } from '../validation/credentials.js';
import { normaliseE164 } from '../validation/e164.js';
import { normaliseName } from '../validation/text.js';
import { MAX_NAME_CHARS } from '../shared/limits.js';
import type { CustomerEvent } from '../customer/customer.events.js';
import type { CustomerState, OpenedCustomer } from '../customer/customer.state.js';
import { changeable } from '../customer/decide/guards.js';
import { MAX_SIP_USERS, sipUserRejections } from './sip-user.rejections.js';
import type { AddSipUser, ChangeSipUser, ChangeSipUserPassword, RemoveSipUser, SipUser, SipUserCommand, SipUserSettings } from './sip-user.types.js';

export function decideSipUser(command: SipUserCommand, state: CustomerState): CustomerEvent[] {
  switch (command.type) {
    case 'AddSipUser':
      return addSipUser(command, state);
    case 'ChangeSipUser':
      return changeSipUser(command, state);
    case 'RemoveSipUser':
      return removeSipUser(command, state);
    case 'ChangeSipUserPassword':
      return changeSipUserPassword(command, state);
  }
}

function addSipUser(command: AddSipUser, state: CustomerState): CustomerEvent[] {
  const customer = managed(command.meta, state, command.customerId);
  if (!isSipUsername(command.sipUsername)) throw rejections.invalidSipUsername();
  if (!isSipHa1(command.sipHa1)) throw rejections.invalidSipHa1();
  const settings = checkSettings(customer, { displayName: command.displayName, callerId: command.callerId, maxConcurrentCalls: command.maxConcurrentCalls, status: 'active' });
  const user: SipUser = { sipUsername: command.sipUsername, sipHa1: command.sipHa1, ...settings };
  const existing = customer.sipUsers.find((u) => u.sipUsername === user.sipUsername);
  if (existing !== undefined) {
    // a retry of the same addition decides nothing (its new password is dropped: the service
    // answers it without credentials, like a replayed opening); other settings are a conflict
    if (sameSettings(existing, user)) return [];
    throw sipUserRejections.sipUserExists();
  }
  if (customer.sipUsers.length >= MAX_SIP_USERS) throw sipUserRejections.tooManySipUsers();
  return [{ type: 'SipUserAdded', customerId: customer.customerId, ...user, ...auditOf(command.meta) }];
}

function changeSipUser(command: ChangeSipUser, state: CustomerState): CustomerEvent[] {
  const customer = managed(command.meta, state, command.customerId);
  const user = userOf(customer, command.sipUsername);
  const { sipUsername, sipHa1: _ha1, ...current } = user;
  const next = checkSettings(customer, { ...current, ...defined(command.changes) });
  if (sameSettings(current, next)) return [];
  return [{ type: 'SipUserChanged', customerId: customer.customerId, sipUsername, ...next, ...auditOf(command.meta) }];
}

function removeSipUser(command: RemoveSipUser, state: CustomerState): CustomerEvent[] {
  const customer = managed(command.meta, state, command.customerId);
  if (command.sipUsername === customer.sipUsername) throw sipUserRejections.firstSipUser();
  if (!customer.sipUsers.some((u) => u.sipUsername === command.sipUsername)) {
    // as every delete here: gone already = no change (a retried DELETE is a 204); never there = 404
    if (customer.removedSipUsernames.includes(command.sipUsername)) return [];
    throw sipUserRejections.sipUserNotFound();
  }
  return [{ type: 'SipUserRemoved', customerId: customer.customerId, sipUsername: command.sipUsername, ...auditOf(command.meta) }];
}

/** ITC, the customer's agent, or the customer itself (its users' passwords are its own). */
function changeSipUserPassword(command: ChangeSipUserPassword, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  const actor = actorOf(command.meta);
  if (!mayManage(command.meta, customer) && !(actor.role === 'customer' && actor.id === customer.customerId)) throw sipUserRejections.sipUsersManagedByAgent();
  const user = userOf(customer, command.sipUsername);
  if (!isSipHa1(command.sipHa1)) throw rejections.invalidSipHa1();
  if (command.sipHa1 === user.sipHa1) return [];
  const audit = auditOf(command.meta);
  // the first user's password has always been SipPasswordChanged: keep one event for it
  if (user.sipUsername === customer.sipUsername) return [{ type: 'SipPasswordChanged', customerId: customer.customerId, sipHa1: command.sipHa1, ...audit }];
  return [{ type: 'SipUserPasswordChanged', customerId: customer.customerId, sipUsername: user.sipUsername, sipHa1: command.sipHa1, ...audit }];
}

function managed(meta: CommandMeta, state: CustomerState, customerId: string): OpenedCustomer {
  const customer = changeable(state, customerId);
  if (!mayManage(meta, customer)) throw sipUserRejections.sipUsersManagedByAgent();
  return customer;
}

function mayManage(meta: CommandMeta, customer: OpenedCustomer): boolean {
  return isItc(meta) || (customer.agentId !== null && isAgent(meta, customer.agentId));
}

function userOf(customer: OpenedCustomer, sipUsername: string): SipUser {
  const user = customer.sipUsers.find((u) => u.sipUsername === sipUsername);
  if (user === undefined) throw sipUserRejections.sipUserNotFound();
  return user;
}

/** The settings normalised, or the rejection of the first bad one. */
function checkSettings(customer: OpenedCustomer, settings: SipUserSettings): SipUserSettings {
  let displayName: string | null = null;
  if (settings.displayName !== null) displayName = normaliseName(settings.displayName, MAX_NAME_CHARS) ?? fail(sipUserRejections.invalidDisplayName());
  let callerId: string | null = null;
  if (settings.callerId !== null) {
    callerId = normaliseE164(settings.callerId) ?? fail(rejections.invalidCallerId());
    if (customer.pendingCallerIds.includes(callerId)) throw sipUserRejections.sipUserCallerIdNotApproved();
    if (!customer.callerIds.includes(callerId)) throw sipUserRejections.sipUserCallerIdNotFound();
  }
  const limit = settings.maxConcurrentCalls;
  if (limit !== null && !isSipUserLimit(limit, customer.maxConcurrentCalls)) throw sipUserRejections.invalidSipUserLimit(customer.maxConcurrentCalls);
  return { displayName, callerId, maxConcurrentCalls: limit, status: settings.status };
}

export function isSipUserLimit(limit: number, accountLimit: number): boolean {
  return Number.isInteger(limit) && limit >= 1 && limit <= accountLimit;
}

function sameSettings(a: SipUserSettings, b: SipUserSettings): boolean {
  return a.displayName === b.displayName && a.callerId === b.callerId && a.maxConcurrentCalls === b.maxConcurrentCalls && a.status === b.status;
}

/** An absent (undefined) field leaves the setting as it is; null is a value (none). */
function defined(changes: Partial<SipUserSettings>): Partial<SipUserSettings> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}

function fail(rejection: Error): never {
  throw rejection;
}
