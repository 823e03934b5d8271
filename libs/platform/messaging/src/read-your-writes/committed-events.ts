// Read-your-writes for read models fed by integration events (issue 12 §5): the ids of the
// integration events a request's command committed, collected while the request runs, so the edge
// can hold the 2xx until the read models in its process have handled them. An AsyncLocalStorage
// scope, because the commit happens deep inside a service (a ledger's group commit, a call store)
// that knows nothing about HTTP; outside a scope (a consumer, a sweeper) recording does nothing.
import { AsyncLocalStorage } from 'node:async_hooks';

/** Carries the ids from a service process's answer to the edge that waits (distributed mode). Internal: stripped there. */
export const COMMITTED_EVENTS_HEADER = 'x-committed-events';

/**
 * At most this many ids are carried for one request. A request that commits more is a bulk import
 * (a CDR batch of up to 1 000, an Asterisk CSV): its answer does not wait for the read models, and
 * no header carries them — 1 000 UUIDs would pass the 16 KiB a Node HTTP client accepts for
 * headers, and waiting on them would hold memory and lookups per id. ~3.7 kB of header at most.
 */
export const MAX_COMMITTED_EVENTS_PER_REQUEST = 100;

/** What one request's commands committed, bounded (see MAX_COMMITTED_EVENTS_PER_REQUEST). */
export class CommittedEvents {
  private readonly collected = new Set<string>();
  private overflow = false;

  add(eventId: string): void {
    if (this.overflow) return;
    this.collected.add(eventId);
    if (this.collected.size > MAX_COMMITTED_EVENTS_PER_REQUEST) {
      this.overflow = true;
      this.collected.clear();
    }
  }

  /** more were committed than are carried: the answer goes out without waiting. */
  get overflowed(): boolean {
    return this.overflow;
  }

  get ids(): ReadonlySet<string> {
    return this.collected;
  }
}

const scope = new AsyncLocalStorage<CommittedEvents>();

/** Runs `fn` with a collector; the ids recorded inside it (and its awaits) land in `committed`. */
export function collectCommittedEvents<T>(committed: CommittedEvents, fn: () => T): T {
  return scope.run(committed, fn);
}

/** Records integration events just committed on behalf of the current request (no-op outside one). */
export function recordCommittedEvents(eventIds: Iterable<string>): void {
  const committed = scope.getStore();
  if (committed === undefined) return;
  for (const id of eventIds) committed.add(id);
}

/** The header value for `ids` and back; ids are UUIDs, so a comma separates them safely. */
export function encodeCommittedEvents(ids: Iterable<string>): string {
  return [...ids].join(',');
}

/** The ids of a header; a header naming more than the bound is not waited on (read as none). */
export function decodeCommittedEvents(value: string | string[] | null | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  const ids = joined
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return ids.length > MAX_COMMITTED_EVENTS_PER_REQUEST ? [] : ids;
}
