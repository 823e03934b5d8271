// Catch-up on demand (issue 12 §6): a service asked about something its consumer has not been
// delivered yet (a customer accounts answered 201 for a moment ago) takes that aggregate's
// integration events from their source at once — oldest first, the same events with the same ids
// the relay publishes — and hands each to the consumer's own handler with the inbox entry the
// consumer would use (its group, the event id). Applied here or by the consumer, each event
// applies once: the later delivery finds its inbox row and changes nothing. In stream order, and
// runOnce's inbox row blocks a concurrent delivery of the same event, so no event of the aggregate
// is applied before an earlier one. One fill per key at a time: concurrent misses share it.
import type { IntegrationEvent } from '@billing/contracts';
import type { ConsumeContext } from './bus.js';
import { errorMessage } from './logger.js';

export interface CatchUpOptions<Key, Result> {
  /** the consumer group whose inbox records each event (the consumer's own). */
  group: string;
  /** every integration event of the aggregate `key` names, oldest first; [] = the source does not know it. */
  history: (key: Key) => Promise<readonly IntegrationEvent[]>;
  /** the consumer's own handler. */
  handle: (event: IntegrationEvent, context: ConsumeContext) => Promise<Result>;
  /**
   * true for an error of `history` that says the source cannot be reached (the miss then stays a
   * miss, logged); any other error — a bug, a broken answer, the handler's own — propagates.
   */
  unreachable: (error: unknown) => boolean;
  /** where an unreachable source is reported (e.g. a Nest Logger's warn). */
  warn?: (message: string) => void;
}

/** What one fill did: null = nothing to apply (unknown to the source, or the source unreachable). */
export type CatchUpOutcome<Result> = { readonly results: readonly Result[] } | null;

export class ConsumerCatchUp<Key, Result> {
  private readonly inFlight = new Map<string, Promise<CatchUpOutcome<Result>>>();
  constructor(private readonly options: CatchUpOptions<Key, Result>) {}

  /** Applies the history of `key` through the handler; the handler's results in order. */
  fill(key: Key): Promise<CatchUpOutcome<Result>> {
    const id = JSON.stringify(key);
    let running = this.inFlight.get(id);
    if (running === undefined) {
      running = this.run(key).finally(() => this.inFlight.delete(id));
      this.inFlight.set(id, running);
    }
    return running;
  }

  /**
   * Fills each of `keys`, at most `concurrency` at a time (a batch opening's customers at once, without
   * a connection per customer); the outcomes in the order of `keys`. Once `until` is aborted (the
   * caller stopped waiting) no further key is taken — the fills running finish — and each key not
   * taken answers null, as a miss the consumer's own delivery applies later.
   */
  async fillEach(keys: readonly Key[], concurrency: number, until?: AbortSignal): Promise<CatchUpOutcome<Result>[]> {
    const outcomes: CatchUpOutcome<Result>[] = new Array<CatchUpOutcome<Result>>(keys.length).fill(null);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < keys.length && until?.aborted !== true; i = next++) outcomes[i] = await this.fill(keys[i]!);
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), keys.length) }, worker));
    return outcomes;
  }

  private async run(key: Key): Promise<CatchUpOutcome<Result>> {
    let events: readonly IntegrationEvent[];
    try {
      events = await this.options.history(key);
    } catch (error) {
      if (!this.options.unreachable(error)) throw error;
      this.options.warn?.(`${this.options.group}: catching up on ${JSON.stringify(key)} failed, the source cannot be reached: ${errorMessage(error)}`);
      return null;
    }
    if (events.length === 0) return null;
    const results: Result[] = [];
    for (const event of events) {
      results.push(await this.options.handle(event, { consumer: this.options.group, messageId: event.eventId, attempt: 1 }));
    }
    return { results };
  }
}
