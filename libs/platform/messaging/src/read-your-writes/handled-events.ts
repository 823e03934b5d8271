// The edge's side of read-your-writes for event-fed read models: a consumer in this process that
// feeds what clients read (reports) tells this registry every event it has handled (applied in its
// inbox transaction, or ignored); a request whose command committed events waits here until each
// one is handled — notified, no polling. Events handled before the wait began are found in a
// bounded memory of recent ids, else in the consumer's inbox (one lookup for all of them, e.g.
// after a restart). Bounded like the other "at once" waits: after `timeoutMs` the caller answers
// anyway and logs — and the lookup is told to stop too, so no query outlives the wait.

/**
 * What a tracked consumer offers besides its notifications: which of these ids its inbox holds —
 * one query, finished or cancelled within `withinMs`; `signal` aborts once the wait is settled.
 */
export interface HandledLookup {
  (eventIds: readonly string[], bound: { withinMs: number; signal: AbortSignal }): Promise<ReadonlySet<string>>;
}

interface Waiter {
  readonly pending: Set<string>;
  readonly resolve: (handled: boolean) => void;
  readonly timer: NodeJS.Timeout;
  /** the lookup's: aborted when the wait is settled (handled or timed out). */
  readonly lookup: AbortController;
}

/** Ids remembered after they were handled (a wait that starts a little late still finds them). */
const RECENT_CAPACITY = 50_000;

export class HandledEvents {
  private readonly recent = new Set<string>();
  private readonly waiters = new Map<string, Set<Waiter>>();
  private lookup: HandledLookup | undefined;
  private tracked = false;

  /** A consumer in this process feeds read models clients read back: waits are answered here. */
  track(lookup: HandledLookup): void {
    this.tracked = true;
    this.lookup = lookup;
  }

  /** true when a read-model consumer runs in this process (else the ids travel on to the edge that has one). */
  get tracking(): boolean {
    return this.tracked;
  }

  /** The consumer is done with `eventId` (its effect committed, or nothing to do). */
  handled(eventId: string): void {
    this.recent.add(eventId);
    if (this.recent.size > RECENT_CAPACITY) this.recent.delete(this.recent.values().next().value!);
    const waiting = this.waiters.get(eventId);
    if (waiting === undefined) return;
    this.waiters.delete(eventId);
    for (const waiter of waiting) this.settle(waiter, eventId);
  }

  /** true once every id is handled; false when `timeoutMs` passed first (or nothing tracks them). */
  async waitFor(eventIds: readonly string[], timeoutMs: number): Promise<boolean> {
    if (!this.tracked) return false;
    const pending = eventIds.filter((id) => !this.recent.has(id));
    if (pending.length === 0) return true;
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        pending: new Set(pending),
        resolve,
        timer: setTimeout(() => {
          for (const id of waiter.pending) this.forget(id, waiter);
          waiter.lookup.abort();
          resolve(false);
        }, timeoutMs),
        lookup: new AbortController(),
      };
      for (const id of waiter.pending) {
        const waiting = this.waiters.get(id) ?? new Set<Waiter>();
        waiting.add(waiter);
        this.waiters.set(id, waiting);
      }
      // registered first, then asked: an event handled while the lookup runs is not missed
      void this.lookup?.(pending, { withinMs: timeoutMs, signal: waiter.lookup.signal })
        .then((found) => {
          for (const id of found) {
            if (!waiter.pending.has(id)) continue;
            this.forget(id, waiter);
            this.settle(waiter, id);
          }
        })
        .catch(() => undefined);
    });
  }

  private settle(waiter: Waiter, eventId: string): void {
    if (!waiter.pending.delete(eventId) || waiter.pending.size > 0) return;
    clearTimeout(waiter.timer);
    waiter.lookup.abort();
    waiter.resolve(true);
  }

  private forget(eventId: string, waiter: Waiter): void {
    const waiting = this.waiters.get(eventId);
    if (waiting === undefined) return;
    waiting.delete(waiter);
    if (waiting.size === 0) this.waiters.delete(eventId);
  }
}
