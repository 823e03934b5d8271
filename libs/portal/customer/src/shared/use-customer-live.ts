import { useSession } from '@billing/portal-session';
import { useLiveEvents, type LiveEvent } from '@billing/portal-ui';
import { useQueryClient } from '@tanstack/react-query';
import { customerKeys } from './customer-api.js';

/**
 * The customer's own live feed (docs/API.md §12): any money event refreshes its balance and
 * transactions; a `call` also hands over to `onCall` (the call history decides how to refresh its
 * long list); `resync` (events may have been missed) refreshes everything.
 */
export function useCustomerLive(onCall?: (event: LiveEvent) => void): void {
  const { subjectId } = useSession();
  const queryClient = useQueryClient();
  useLiveEvents('/api/v1/reports/stream-tickets', (event) => {
    if (event.type === 'resync') {
      void queryClient.invalidateQueries({ queryKey: customerKeys.all(subjectId) });
      return;
    }
    void queryClient.invalidateQueries({ queryKey: customerKeys.balance(subjectId) });
    void queryClient.invalidateQueries({ queryKey: customerKeys.transactions(subjectId) });
    if (event.type === 'call') onCall?.(event);
  });
}
