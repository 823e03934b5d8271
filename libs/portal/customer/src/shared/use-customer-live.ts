import { useSession } from '@billing/portal-session';
import { LIVE_EVENT_TYPES, useLiveEvents, type LiveEvent } from '@billing/portal-ui';
import { useQueryClient } from '@tanstack/react-query';
import { customerKeys } from './customer-api.js';

/**
 * The customer's feed carries `hold` too (docs/API.md §12: its calls in progress). A hold released
 * or expired is a call that ended without a charge — an unanswered call, which the feed's `call`
 * (rated calls only) never announces: the call history refreshes on it. `caller-ids`: its approved
 * CallerIDs changed (an agent approved one): the account, which lists them, is read again.
 */
const CUSTOMER_EVENT_TYPES = [...LIVE_EVENT_TYPES, 'hold', 'caller-ids'] as const;

export type CustomerLiveAction = 'everything' | 'money' | 'money-and-calls' | 'account';

/** What one event of the customer's feed refreshes. */
export function customerLiveAction(event: LiveEvent): CustomerLiveAction {
  if (event.type === 'resync') return 'everything';
  if (event.type === 'caller-ids') return 'account';
  if (event.type === 'call') return 'money-and-calls';
  if (event.type === 'hold') {
    const state = (event.data as { state?: unknown } | null)?.state;
    return state === 'released' || state === 'expired' ? 'money-and-calls' : 'money';
  }
  return 'money';
}

/**
 * The customer's own live feed (docs/API.md §12): any money event refreshes its balance and
 * transactions; a call that ended (`call`, or a `hold` released without a charge) also hands over
 * to `onCall` (the call history decides how to refresh its long list); `caller-ids` refreshes the
 * account (its CallerIDs); `resync` (events may have been missed) refreshes everything.
 */
export function useCustomerLive(onCall?: (event: LiveEvent) => void): void {
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
        return;
      }
      void queryClient.invalidateQueries({ queryKey: customerKeys.balance(subjectId) });
      void queryClient.invalidateQueries({ queryKey: customerKeys.transactions(subjectId) });
      if (action === 'money-and-calls') onCall?.(event);
    },
    { types: CUSTOMER_EVENT_TYPES },
  );
}
