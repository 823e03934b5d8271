// One at a time, the others waiting in arrival order — each for at most its own wait, in a queue of
// bounded length. The series reads take their turn here before they queue for the projection
// order's lock (live-position.ts): every read waiting there holds every projection behind it, so
// N dashboards retrying each second would each add a wait; in process only one ever does.

/** Given once per turn; calling it again is a no-op (a `finally` may run after a `catch` did). */
export type LeaveTurn = () => void;

interface Waiter {
  readonly grant: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class SingleFlight {
  private held = false;
  /** in arrival order; never longer than maxWaiting. */
  private readonly waiting: Waiter[] = [];

  constructor(readonly maxWaiting: number) {
    if (!(Number.isInteger(maxWaiting) && maxWaiting >= 0)) throw new Error(`single flight: maxWaiting must be a non-negative integer, got ${maxWaiting}`);
  }

  /** Callers waiting for their turn (not the one that has it). */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * The caller's turn, at once when nobody has it; undefined at once when `maxWaiting` callers
   * already wait, or once `waitMs` pass before the turn comes (it no longer waits then).
   */
  enter(waitMs: number): Promise<LeaveTurn | undefined> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.leaver());
    }
    if (this.waiting.length >= this.maxWaiting || waitMs <= 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(this.leaver());
        },
        timer: undefined,
      };
      // single-threaded: a waiter is either granted (taken off the queue, its timer cleared) or
      // times out (taken off here), never both
      waiter.timer = setTimeout(() => {
        const index = this.waiting.indexOf(waiter);
        // -1 would splice the last waiter, someone else's place
        if (index >= 0) this.waiting.splice(index, 1);
        resolve(undefined);
      }, waitMs);
      this.waiting.push(waiter);
    });
  }

  /** Hands the turn to the next waiter, or frees it. */
  private leaver(): LeaveTurn {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      if (next === undefined) this.held = false;
      else next.grant();
    };
  }
}
