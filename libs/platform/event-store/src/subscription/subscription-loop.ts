// The catch-up/live loop behind EventStore.subscribe, shared by both adapters: read one bounded
// batch with readAll, hand it to the handler, advance only after the handler resolved. It sleeps
// when caught up and is woken early by the adapter's signal (PostgreSQL LISTEN/NOTIFY,
// EventStoreDB's live subscription); polling is the fallback when a signal is lost.
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_RETRY_DELAY_MS, DEFAULT_POLL_INTERVAL_MS, DEFAULT_RETRY_DELAY_MS, MAX_READ_ALL_LIMIT } from '../limits.js';
import type { Checkpoint, ReadAllResult, SubscribeOptions, Subscription } from '../port.js';
import type { WakeListener } from './wake-hub.js';

export type ReadAll = (from: Checkpoint, limit: number) => Promise<ReadAllResult>;

/** After a wake-up that found nothing visible yet (an older transaction still open), re-read soon. */
const CHASE_START_MS = 5;
const CHASE_MAX_MS = 250;
/** Longest wait for the wake-up signal before the first read. */
const READY_TIMEOUT_MS = 5_000;

export function defaultOnError(error: unknown): void {
  console.error('[event-store] subscription error (retrying):', error);
}

function assertPositiveInt(name: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) throw new Error(`${name} must be 1..${max}, got ${value}`);
}

export class SubscriptionLoop implements Subscription, WakeListener {
  private current: Checkpoint;
  private stopped = false;
  /** bumped by every wake(); lets the loop notice a signal that came while it was reading. */
  private generation = 0;
  private interrupt: (() => void) | undefined;
  private readonly done: Promise<void>;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly readAll: ReadAll,
    private readonly options: SubscribeOptions,
    /** awaited before the first read (e.g. LISTEN established), so no signal is missed. */
    ready: (self: SubscriptionLoop) => Promise<void> = async () => {},
    /** awaited by stop() after the loop ended (e.g. unregister from the wake-up signal). */
    onStopped: (self: SubscriptionLoop) => Promise<void> = async () => {},
  ) {
    this.current = options.from;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
    assertPositiveInt('batchSize', this.batchSize, MAX_READ_ALL_LIMIT);
    assertPositiveInt('pollIntervalMs', this.pollIntervalMs, 3_600_000);
    assertPositiveInt('retryDelayMs', this.retryDelayMs, 3_600_000);
    assertPositiveInt('maxRetryDelayMs', this.maxRetryDelayMs, 3_600_000);
    this.onError = options.onError ?? defaultOnError;
    this.done = this.run(ready)
      .then(() => onStopped(this))
      .catch((error: unknown) => this.reportError(error));
  }

  get checkpoint(): Checkpoint {
    return this.current;
  }

  /** New events may be readable: cut the current idle wait short. */
  wake(): void {
    this.generation += 1;
    if (this.interrupt) this.interrupt();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.interrupt) this.interrupt();
    await this.done;
  }

  /** Routes an error to options.onError (never throws). */
  reportError(error: unknown): void {
    try {
      this.onError(error);
    } catch (reportError) {
      // The error sink itself failed: keep the loop alive, say so once on stderr.
      console.error('[event-store] subscription onError threw:', reportError);
    }
  }

  private retryDelay(failures: number): number {
    const exponent = Math.min(failures, 20);
    return Math.min(this.maxRetryDelayMs, this.retryDelayMs * 2 ** exponent);
  }

  /**
   * Waits `ms`, or less: stop() always ends the wait, wake() only when `wakeable`, and so does
   * `until` settling. The loop is sequential, so at most one wait is registered at a time.
   */
  private sleep(ms: number, wakeable: boolean, until?: Promise<void>): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve();
      const finish = (): void => {
        clearTimeout(timer);
        if (this.interrupt === interrupt) this.interrupt = undefined;
        resolve();
      };
      const interrupt = wakeable ? finish : (): void => (this.stopped ? finish() : undefined);
      const timer = setTimeout(finish, ms);
      this.interrupt = interrupt;
      if (until !== undefined) void until.then(finish);
    });
  }

  private async run(ready: (self: SubscriptionLoop) => Promise<void>): Promise<void> {
    // Wait for the wake-up signal to be live so none is missed, but not forever (a pool with no
    // free connection, a server that does not confirm): polling delivers meanwhile.
    const readying = Promise.resolve()
      .then(() => ready(this))
      .catch((error: unknown) => this.reportError(error));
    await this.sleep(READY_TIMEOUT_MS, false, readying);
    let pending: ReadAllResult | undefined;
    let failures = 0;
    let seenGeneration = this.generation;
    let chase: { delayMs: number; endsAt: number } | undefined;
    while (!this.stopped) {
      if (pending === undefined) {
        const generationBeforeRead = this.generation;
        const woken = generationBeforeRead !== seenGeneration;
        seenGeneration = generationBeforeRead;
        let batch: ReadAllResult;
        try {
          batch = await this.readAll(this.current, this.batchSize);
        } catch (error) {
          this.reportError(error);
          await this.sleep(this.retryDelay(failures), false);
          failures += 1;
          continue;
        }
        failures = 0;
        if (batch.events.length > this.batchSize) {
          // An adapter bug: say so and stop rather than hold an unbounded batch.
          this.reportError(new Error(`readAll returned ${batch.events.length} events for limit ${this.batchSize}: subscription stopped`));
          this.stopped = true;
          break;
        }
        if (batch.events.length === 0) {
          if (this.generation !== generationBeforeRead) continue; // signalled during the read
          // Woken but nothing visible: events were committed, but an older transaction is still
          // open (PostgreSQL holds them back until it ends). Re-read after 5, 10, 20 … ms, at most
          // CHASE_MAX_MS apart, for one poll interval; then plain polling again.
          const now = performance.now();
          if (woken) chase = { delayMs: CHASE_START_MS, endsAt: now + this.pollIntervalMs };
          else if (chase !== undefined) chase.delayMs = Math.min(chase.delayMs * 2, CHASE_MAX_MS);
          if (chase !== undefined && now >= chase.endsAt) chase = undefined;
          await this.sleep(chase === undefined ? this.pollIntervalMs : Math.min(chase.delayMs, this.pollIntervalMs), true);
          continue;
        }
        chase = undefined;
        pending = batch;
      }
      try {
        await this.options.handler(pending.events, pending.checkpoint);
        this.current = pending.checkpoint;
        pending = undefined;
        failures = 0;
      } catch (error) {
        this.reportError(error);
        await this.sleep(this.retryDelay(failures), false);
        failures += 1;
      }
    }
  }
}
