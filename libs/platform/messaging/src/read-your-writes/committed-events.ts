// Read-your-writes for read models fed by integration events (issue 12 §5): the ids of the
// integration events a request's command committed, collected while the request runs, so the edge
// can hold the 2xx until the read models in its process have handled them. An AsyncLocalStorage
// scope, because the commit happens deep inside a service (a ledger's group commit, a call store)
// that knows nothing about HTTP; outside a scope (a consumer, a sweeper) recording does nothing.
import { AsyncLocalStorage } from 'node:async_hooks';

/** Carries the ids from a service process's answer to the edge that waits (distributed mode). Internal: stripped there. */
export const COMMITTED_EVENTS_HEADER = 'x-committed-events';

const scope = new AsyncLocalStorage<Set<string>>();

/** Runs `fn` with a fresh collector; the ids recorded inside it (and its awaits) land in `ids`. */
export function collectCommittedEvents<T>(ids: Set<string>, fn: () => T): T {
  return scope.run(ids, fn);
}

/** Records integration events just committed on behalf of the current request (no-op outside one). */
export function recordCommittedEvents(eventIds: Iterable<string>): void {
  const ids = scope.getStore();
  if (ids === undefined) return;
  for (const id of eventIds) ids.add(id);
}

/** The header value for `ids` and back; ids are UUIDs, so a comma separates them safely. */
export function encodeCommittedEvents(ids: Iterable<string>): string {
  return [...ids].join(',');
}

export function decodeCommittedEvents(value: string | string[] | null | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}
