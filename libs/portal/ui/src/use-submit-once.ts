import { useCallback, useRef } from 'react';

/**
 * One request in flight per form: a second submit (a double click, Enter twice) while the first
 * is still running is dropped, so a command is never sent twice — nor replayed under the same
 * Idempotency-Key, whose replay answers without what the first answer showed once (passwords).
 * The guard is a ref, set before any render could show the button's `loading`.
 * Usage: `once(() => mutation.mutateAsync(body))` (the mutation's own onError still runs).
 */
export function useSubmitOnce(): (run: () => Promise<unknown>) => void {
  const busy = useRef(false);
  return useCallback((run: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    // settles even when the observer was reset or unmounted (its callbacks would not run)
    void run()
      .catch(() => undefined)
      .finally(() => {
        busy.current = false;
      });
  }, []);
}
