import { useCallback, useRef } from 'react';

/**
 * One request in flight per form: a second submit (a double click, Enter twice) while the first
 * is still running is dropped, so a command is never replayed under the same Idempotency-Key.
 * Usage: `once(() => mutation.mutateAsync(body))` (the mutation's own onError still runs).
 */
export function useSubmitOnce(): (run: () => Promise<unknown>) => void {
  const busy = useRef(false);
  return useCallback((run: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    void run()
      .catch(() => undefined)
      .finally(() => {
        busy.current = false;
      });
  }, []);
}
