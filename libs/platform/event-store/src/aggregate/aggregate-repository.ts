// Runs a decider against a stream: load (latest snapshot + the events after it, paged and
// bounded), decide, append with the loaded version as expected version, retry on a concurrent
// writer (bounded), snapshot every N events. The one place where a command meets the store.
//
// Idempotency: with `commandId`, event ids are uuid v5 of (stream, command id, index). Two
// deliveries of one command that race, or a retry after a lost reply, decide the same events with
// the same ids; the store skips ids it already has, so nothing is appended twice. (A decider that
// decides differently the second time, because it now sees its own first effect, should return
// [] for the repeat: the domain's own dedupe, e.g. by transferId.)
import { fold, invariant, type Decider } from '@billing/decider';
import { MAX_READ_STREAM_COUNT } from '../limits.js';
import { WrongExpectedVersionError, type EventMetadata, type EventStore, type NewEvent } from '../port.js';
import { deterministicEventId } from '../uuid.js';
import { typedEventCodec, type DomainEventCodec } from './domain-event-codec.js';
import { randomUUID } from 'node:crypto';

export const MAX_COMMAND_RETRIES = 100;
const DEFAULT_PAGE_SIZE = 1000;

export interface SnapshotCodec<State> {
  toSnapshot(state: State): unknown;
  fromSnapshot(data: unknown): State;
}

export interface AggregateOptions<Event, State> {
  /** save a snapshot once this many events have accumulated since the last one (unset = never). */
  snapshotEvery?: number;
  /** shape version of State in snapshots: bump it when State changes; required with snapshotEvery. */
  schemaVersion?: number;
  /** re-runs (reload + decide + append) after a WrongExpectedVersionError; 0 = fail on the first. */
  maxRetries: number;
  /** refuse to fold more events than this after the snapshot (default and max 100 000). */
  maxEventsToLoad?: number;
  /** events per readStream page while loading (default 1000). */
  pageSize?: number;
  eventCodec?: DomainEventCodec<Event>;
  /** State ↔ JSON for snapshots; default: State as is (bigints via the JSON codec; no Map/Set). */
  snapshotCodec?: SnapshotCodec<State>;
  /** a failed snapshot save does not fail the command (the events are committed); default: warn. */
  onSnapshotError?: (error: unknown, streamId: string) => void;
}

export interface CommandOptions<Event> {
  metadata: EventMetadata;
  /** the command's idempotency id: makes event ids deterministic. */
  commandId?: string;
  /** explicit id of the index-th decided event; wins over commandId. */
  eventIdFor?: (index: number, event: Event) => string;
}

export type HandleOptions<Event, State> = AggregateOptions<Event, State> & CommandOptions<Event>;

export interface LoadedAggregate<State> {
  state: State;
  /** version of the last event folded in (-1 = empty stream). */
  version: number;
  /** version the snapshot covered, when one was used. */
  snapshotVersion: number | undefined;
  /** events read from the store after the snapshot. */
  eventsRead: number;
}

export interface HandleResult<Event, State> {
  /** what the decider decided on the attempt that went through ([] = nothing to do). */
  events: Event[];
  state: State;
  nextExpectedVersion: number;
  /** 0 with events non-empty: the same events were already stored (a repeated command). */
  writtenCount: number;
  attempts: number;
  snapshotSaved: boolean;
}

function defaultSnapshotError(error: unknown, streamId: string): void {
  console.warn(`[event-store] snapshot of ${streamId} not saved (loads stay correct, only slower):`, error);
}

export class AggregateRepository<Command, Event, State> {
  private readonly eventCodec: DomainEventCodec<Event>;
  private readonly maxEventsToLoad: number;
  private readonly pageSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, Event, State>,
    private readonly options: AggregateOptions<Event, State>,
  ) {
    const { snapshotEvery, schemaVersion, maxRetries } = options;
    if (!Number.isSafeInteger(maxRetries) || maxRetries < 0 || maxRetries > MAX_COMMAND_RETRIES) {
      throw new Error(`maxRetries must be 0..${MAX_COMMAND_RETRIES}, got ${maxRetries}`);
    }
    if (snapshotEvery !== undefined) {
      if (!Number.isSafeInteger(snapshotEvery) || snapshotEvery < 1) throw new Error(`snapshotEvery must be >= 1, got ${snapshotEvery}`);
      if (schemaVersion === undefined) throw new Error('snapshotEvery needs a schemaVersion');
    }
    this.maxEventsToLoad = options.maxEventsToLoad ?? MAX_READ_STREAM_COUNT;
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isSafeInteger(this.maxEventsToLoad) || this.maxEventsToLoad < 1 || this.maxEventsToLoad > MAX_READ_STREAM_COUNT) {
      throw new Error(`maxEventsToLoad must be 1..${MAX_READ_STREAM_COUNT}`);
    }
    if (!Number.isSafeInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > MAX_READ_STREAM_COUNT) {
      throw new Error(`pageSize must be 1..${MAX_READ_STREAM_COUNT}`);
    }
    this.eventCodec = options.eventCodec ?? typedEventCodec<Event>();
  }

  private get snapshotsOn(): boolean {
    return this.options.schemaVersion !== undefined;
  }

  async load(streamId: string): Promise<LoadedAggregate<State>> {
    let state = this.decider.initialState();
    let version = -1;
    let snapshotVersion: number | undefined;
    if (this.snapshotsOn) {
      const snapshot = await this.store.loadSnapshot<unknown>(streamId, this.options.schemaVersion!);
      if (snapshot !== undefined) {
        state = this.options.snapshotCodec ? this.options.snapshotCodec.fromSnapshot(snapshot.state) : (snapshot.state as State);
        version = snapshot.version;
        snapshotVersion = snapshot.version;
      }
    }
    let eventsRead = 0;
    // Bounded: at most maxEventsToLoad / pageSize + 1 pages.
    for (;;) {
      const page = await this.store.readStream(streamId, version + 1, this.pageSize);
      for (const recorded of page) {
        invariant(recorded.streamVersion === version + 1, `stream ${streamId}: expected version ${version + 1}, read ${recorded.streamVersion}`);
        state = this.decider.evolve(state, this.eventCodec.fromStored(recorded));
        version = recorded.streamVersion;
      }
      eventsRead += page.length;
      if (page.length < this.pageSize) break;
      if (eventsRead >= this.maxEventsToLoad) {
        throw new Error(`stream ${streamId}: more than ${this.maxEventsToLoad} events after the latest snapshot (enable snapshots)`);
      }
    }
    return { state, version, snapshotVersion, eventsRead };
  }

  private newEvents(streamId: string, events: Event[], command: CommandOptions<Event>): NewEvent[] {
    return events.map((event, index) => {
      const eventId =
        command.eventIdFor?.(index, event) ??
        (command.commandId !== undefined ? deterministicEventId(streamId, command.commandId, index) : randomUUID());
      return { eventId, ...this.eventCodec.toStored(event), metadata: command.metadata };
    });
  }

  async handle(streamId: string, command: Command, commandOptions: CommandOptions<Event>): Promise<HandleResult<Event, State>> {
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await this.load(streamId);
      const events = this.decider.decide(command, loaded.state);
      if (events.length === 0) {
        return { events, state: loaded.state, nextExpectedVersion: loaded.version, writtenCount: 0, attempts: attempt, snapshotSaved: false };
      }
      let appended;
      try {
        appended = await this.store.append(streamId, this.newEvents(streamId, events, commandOptions), loaded.version);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt <= this.options.maxRetries) continue;
        throw error;
      }
      if (appended.writtenCount !== events.length) {
        // Some or all ids were stored already: a repeated command. Report the stream as it is.
        const now = await this.load(streamId);
        return { events, state: now.state, nextExpectedVersion: appended.nextExpectedVersion, writtenCount: appended.writtenCount, attempts: attempt, snapshotSaved: false };
      }
      invariant(
        appended.nextExpectedVersion === loaded.version + events.length,
        `stream ${streamId}: appended ${events.length} after ${loaded.version}, store says ${appended.nextExpectedVersion}`,
      );
      const state = fold(this.decider, loaded.state, events);
      const snapshotSaved = await this.maybeSnapshot(streamId, state, appended.nextExpectedVersion, loaded.snapshotVersion);
      return { events, state, nextExpectedVersion: appended.nextExpectedVersion, writtenCount: appended.writtenCount, attempts: attempt, snapshotSaved };
    }
  }

  private async maybeSnapshot(streamId: string, state: State, version: number, lastSnapshot: number | undefined): Promise<boolean> {
    const every = this.options.snapshotEvery;
    if (every === undefined || version - (lastSnapshot ?? -1) < every) return false;
    try {
      const data = this.options.snapshotCodec ? this.options.snapshotCodec.toSnapshot(state) : state;
      await this.store.saveSnapshot({ streamId, version, schemaVersion: this.options.schemaVersion!, state: data });
      return true;
    } catch (error) {
      (this.options.onSnapshotError ?? defaultSnapshotError)(error, streamId);
      return false;
    }
  }
}

/** One command against one stream: `new AggregateRepository(store, decider, options).handle(…)`. */
export function handle<Command, Event, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  options: HandleOptions<Event, State>,
): Promise<HandleResult<Event, State>> {
  return new AggregateRepository(store, decider, options).handle(streamId, command, options);
}
