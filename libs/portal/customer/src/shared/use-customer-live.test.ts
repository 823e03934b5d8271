import { describe, expect, it } from 'vitest';
import { callIdOf, CUSTOMER_EVENT_TYPES, customerLiveAction, refusedCallerIdOf } from './use-customer-live';

describe('customerLiveAction', () => {
  // acceptance: an unanswered call appeared in the customer's history only after a reload
  it('refreshes the call history when a call ends without a charge (its hold released or expired)', () => {
    expect(customerLiveAction({ type: 'hold', id: 'e-1', data: { state: 'released', callId: 'k-1' } })).toBe('money-and-calls');
    expect(customerLiveAction({ type: 'hold', id: 'e-2', data: { state: 'expired', callId: 'k-1' } })).toBe('money-and-calls');
    expect(customerLiveAction({ type: 'hold', id: 'e-3', data: { state: 'placed', callId: 'k-1' } })).toBe('money');
  });

  it('refreshes the history on a rated call, money on money events, everything on resync', () => {
    expect(customerLiveAction({ type: 'call', id: 'e-4', data: {} })).toBe('money-and-calls');
    expect(customerLiveAction({ type: 'deposit', id: 'e-5', data: {} })).toBe('money');
    expect(customerLiveAction({ type: 'resync', id: '', data: null })).toBe('everything');
  });

  // acceptance: a CallerID the agent approved showed as pending until the next refetch
  it('refreshes the account (its CallerIDs) when its approved CallerIDs change, and not the money', () => {
    expect(customerLiveAction({ type: 'caller-ids', id: 'e-6', data: { customerId: 'c-1', callerIds: ['+442079460958'], defaultCallerId: '+442079460958' } })).toBe('account');
  });

  // acceptance: an unanswered call (without a hold to release) appeared in the history only after a reload
  it('follows call-unanswered and refreshes the call history on it, not the money (no charge)', () => {
    expect(CUSTOMER_EVENT_TYPES).toContain('call-unanswered');
    const unanswered = { type: 'call-unanswered', id: 'e-7', data: { callId: 'k-2', customerId: 'c-1', destination: '442079460958', startedAt: '2026-12-01T10:00:00.000Z', disposition: 'NO ANSWER' } };
    expect(customerLiveAction(unanswered)).toBe('calls');
  });

  it('names the call of an event, so an unanswered call and its released hold count as one new call', () => {
    expect(callIdOf({ type: 'call-unanswered', id: 'e-7', data: { callId: 'k-2' } })).toBe('k-2');
    expect(callIdOf({ type: 'hold', id: 'e-8', data: { state: 'released', callId: 'k-2' } })).toBe('k-2');
    expect(callIdOf({ type: 'call', id: 'e-9', data: null })).toBe('e-9');
  });

  // acceptance: a refused CallerID vanished from the customer's page without a word
  it('names the CallerID a caller-ids event refused, and none for a request or an approved-list change', () => {
    expect(refusedCallerIdOf({ type: 'caller-ids', id: 'e-10', data: { customerId: 'c-1', callerId: '+15550100123', change: 'refused', pendingCallerIds: [] } })).toBe('+15550100123');
    expect(refusedCallerIdOf({ type: 'caller-ids', id: 'e-11', data: { customerId: 'c-1', callerId: '+15550100123', change: 'requested', pendingCallerIds: ['+15550100123'] } })).toBeNull();
    expect(refusedCallerIdOf({ type: 'caller-ids', id: 'e-12', data: { customerId: 'c-1', callerIds: [], defaultCallerId: null } })).toBeNull();
    expect(refusedCallerIdOf({ type: 'call', id: 'e-13', data: { callerId: '+15550100123', change: 'refused' } })).toBeNull();
  });
});
