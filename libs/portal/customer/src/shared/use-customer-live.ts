import { useSession } from '@billing/portal-session';
import { LIVE_EVENT_TYPES, useLiveEvents, type LiveEvent } from '@billing/portal-ui';
import { useQueryClient } from '@tanstack/react-query';
import { customerKeys } from './customer-api.js';

/**
 * The customer's feed carries `hold`, `call-unanswered` and `caller-ids` too (docs/API.md §12).
 * `call` announces rated calls only; an unanswered call is `call-unanswered` (no charge: money is
 * not read again for it), and an unrated one only the release of its hold (`hold` released or
 * expired, which changes the money) — the call history refreshes on each. `caller-ids`: its
 * CallerIDs changed (one asked for, approved, refused or removed, a new default): the account, which
 * lists them, is read again.
 */
export const CUSTOMER_EVENT_TYPES = [...LIVE_EVENT_TYPES, 'hold', 'call-unanswered', 'caller-ids'] as const;

export type CustomerLiveAction = 'everything' | 'money' | 'money-and-calls' | 'calls' | 'account';

/** What one event of the customer's feed refreshes. */
export function customerLiveAction(event: LiveEvent): CustomerLiveAction {
  if (event.type === 'resync') return 'everything';
  if (event.type === 'caller-ids') return 'account';
  if (event.type === 'call-unanswered') return 'calls';
  if (event.type === 'call') return 'money-and-calls';
  if (event.type === 'hold') {
    const state = (event.data as { state?: unknown } | null)?.state;
    return state === 'released' || state === 'expired' ? 'money-and-calls' : 'money';
  }
  return 'money';
}

/**
 * The call an event handed to `onCall` is about: an unanswered call with a hold arrives twice (its
 * `call-unanswered` and its hold released), so a count of new calls counts call ids, not events.
 */
export function callIdOf(event: LiveEvent): string {
  const callId = (event.data as { callId?: unknown } | null)?.callId;
  return typeof callId === 'string' ? callId : event.id;
}

/**
 * The CallerID a `caller-ids` event says was refused (`change: "refused"`), else null. The feed does
 * not say who refused it: the customer's own withdrawal is the same change.
 */
export function refusedCallerIdOf(event: LiveEvent): string | null {
  if (event.type !== 'caller-ids') return null;
  const data = event.data as { change?: unknown; callerId?: unknown } | null;
  return data?.change === 'refused' && typeof data.callerId === 'string' ? data.callerId : null;
}

/**
 * The customer's own live feed (docs/API.md §12): any money event refreshes its balance and
 * transactions; a call that ended (`call`, `call-unanswered`, or a `hold` released without a
 * charge) also hands over to `onCall` (the call history decides how to refresh its long list);
 * `caller-ids` refreshes the account (its CallerIDs); `resync` (events may have been missed)
 * refreshes everything. A refused CallerID is also handed to `onCallerIdRefused` (the page tells the
 * customer: the number would otherwise just vanish from its list).
 */
export function useCustomerLive(onCall?: (event: LiveEvent) => void, onCallerIdRefused?: (callerId: string) => void): void {
  const { subjectId } = useSession();
  const queryClient = useQueryClient();
  useLiveEvents(
    '/api/v1/reports/stream-tickets',
    (event) => {
      const action = customerLiveAction(event);
      if (action === 'everything') {
        void queryClient.invalidateQueries({ queryKey: customerKeys.all(subjectId) });
        return;
      }
      if (action === 'account') {
        void queryClient.invalidateQueries({ queryKey: customerKeys.customer(subjectId) });
        const refused = refusedCallerIdOf(event);
        if (refused !== null) onCallerIdRefused?.(refused);
        return;
      }
      if (action !== 'calls') {
        void queryClient.invalidateQueries({ queryKey: customerKeys.balance(subjectId) });
        void queryClient.invalidateQueries({ queryKey: customerKeys.transactions(subjectId) });
      }
      if (action === 'money-and-calls' || action === 'calls') onCall?.(event);
    },
    { types: CUSTOMER_EVENT_TYPES },
  );
}
