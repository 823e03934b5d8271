// One wake-up signal per store, shared by all its subscriptions (PostgreSQL: one dedicated
// LISTEN connection, not one per subscription). The source runs while at least one subscription
// does; when it fails it is restarted with bounded backoff and everyone is woken, because
// signals may have been lost meanwhile (the loops poll in any case, so nothing is skipped).

export interface WakeSource {
  /** Starts listening. Resolves with a stop function once signals flow; rejects if it cannot start. */
  start(onWake: () => void, onError: (error: unknown) => void): Promise<() => Promise<void>>;
}

export interface WakeListener {
  wake(): void;
  reportError(error: unknown): void;
}

const MAX_LISTENERS = 1000;
const RESTART_DELAY_MS = 100;
const MAX_RESTART_DELAY_MS = 30_000;

export class WakeHub {
  private readonly listeners = new Set<WakeListener>();
  private stopSource: (() => Promise<void>) | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  /** start/stop run one at a time, in call order. */
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly source: WakeSource) {}

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Registers a listener; resolves when the signal is live (rejects if it could not start: poll meanwhile). */
  add(listener: WakeListener): Promise<void> {
    if (this.listeners.size >= MAX_LISTENERS) return Promise.reject(new Error(`more than ${MAX_LISTENERS} subscriptions on one store`));
    this.listeners.add(listener);
    return this.serial(() => this.ensureStarted());
  }

  remove(listener: WakeListener): Promise<void> {
    this.listeners.delete(listener);
    return this.serial(async () => {
      if (this.listeners.size === 0) await this.stopNow();
    });
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.serial(() => this.stopNow());
  }

  private serial(step: () => Promise<void>): Promise<void> {
    const next = this.chain.then(step);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Wakes every listener now: an append of this process has committed (no need to wait for its NOTIFY). */
  wake(): void {
    this.wakeAll();
  }

  private wakeAll(): void {
    for (const listener of this.listeners) listener.wake();
  }

  private reportAll(error: unknown): void {
    for (const listener of this.listeners) listener.reportError(error);
  }

  private async ensureStarted(): Promise<void> {
    if (this.stopSource !== undefined || this.listeners.size === 0) return;
    let stop: () => Promise<void>;
    try {
      stop = await this.source.start(
        () => this.wakeAll(),
        (error) => this.failed(stop, error),
      );
    } catch (error) {
      this.scheduleRestart();
      throw error;
    }
    this.stopSource = stop;
    this.failures = 0;
  }

  private async stopNow(): Promise<void> {
    if (this.restartTimer !== undefined) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const stop = this.stopSource;
    this.stopSource = undefined;
    if (stop !== undefined) await stop();
  }

  private failed(stop: (() => Promise<void>) | undefined, error: unknown): void {
    this.reportAll(error);
    // Only the live source may tear itself down; a late error of an old one is just reported.
    if (stop === undefined || stop !== this.stopSource) return;
    this.stopSource = undefined;
    void this.serial(async () => {
      try {
        await stop();
      } catch (stopError) {
        this.reportAll(stopError);
      }
    });
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.listeners.size === 0 || this.restartTimer !== undefined) return;
    const delayMs = Math.min(MAX_RESTART_DELAY_MS, RESTART_DELAY_MS * 2 ** Math.min(this.failures, 20));
    this.failures += 1;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.serial(() => this.ensureStarted()).then(
        () => this.wakeAll(), // signals may have been lost while down
        (error: unknown) => this.reportAll(error),
      );
    }, delayMs);
    this.restartTimer.unref();
  }
}
